package dev.gatehouse.totp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Black-and-white QR code PNGs, for the enrolment page. */
public final class QrCodes {

  /** The four-module quiet zone that ISO/IEC 18004 requires; scanners miss codes drawn edge to edge. */
  static final int QUIET_ZONE_MODULES = 4;
  /** About 300 px for an otpauth URI: readable from a phone held at arm's length. */
  static final int PIXELS_PER_MODULE = 6;

  private static final int BLACK = 0xFF000000;
  private static final int WHITE = 0xFFFFFFFF;

  private QrCodes() {}

  /**
   * A PNG of {@code text} with error-correction level M (15 %), enough for a slightly glared screen without making the
   * code denser.
   *
   * @throws IllegalArgumentException if the text does not fit in a QR code
   */
  public static byte[] png(String text) {
    BitMatrix modules = encode(text);
    BufferedImage image = new BufferedImage(
        modules.getWidth() * PIXELS_PER_MODULE, modules.getHeight() * PIXELS_PER_MODULE, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, modules.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE) ? BLACK : WHITE);
      }
    }
    return toPng(image);
  }

  /** {@link #png} as a {@code data:} URI, which the portal's {@code img-src 'self' data:} policy allows. */
  public static String pngDataUri(String text) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
  }

  /** One bit per module, quiet zone included (a requested size of 0 means "no scaling"). */
  private static BitMatrix encode(String text) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
    // A character set hint makes ZXing prepend an ECI header. ASCII (every otpauth URI, being percent-encoded) reads
    // the same without one, in the plainest form any scanner handles; only other text needs UTF-8 declared.
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    }
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException e) {
      throw new IllegalArgumentException("text does not fit in a QR code", e);
    }
  }

  private static byte[] toPng(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // A memory cache, because ImageIO's default may spill to a temporary file, and /tmp can be read-only in a container.
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("the JDK always has a PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }
}
