package dev.gatehouse.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

  private static final String URI = OtpAuthUri.build(
      "ACME Co: Gäste", "john.doe@example.com",
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII),
      new TotpParameters(TotpAlgorithm.SHA1, 6, 30));

  @Test
  void zxingReadsTheTextBackWithLevelM() throws Exception {
    Result result = decode(QrCodes.png(URI));

    assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);
    assertThat(result.getText()).isEqualTo(URI);
    assertThat(result.getResultMetadata()).containsEntry(ResultMetadataType.ERROR_CORRECTION_LEVEL, "M");
  }

  @Test
  void nonAsciiTextSurvivesAsUtf8() throws Exception {
    String text = "Gäste ✓ 門";

    assertThat(decode(QrCodes.png(text)).getText()).isEqualTo(text);
  }

  @Test
  void hasAWhiteQuietZoneOfFourModules() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(URI)));
    int quietZone = QrCodes.QUIET_ZONE_MODULES * QrCodes.PIXELS_PER_MODULE;

    assertThat(image.getWidth()).isEqualTo(image.getHeight());
    for (int i = 0; i < image.getWidth(); i++) {
      for (int edge = 0; edge < quietZone; edge++) {
        assertThat(isBlack(image, i, edge)).isFalse();
        assertThat(isBlack(image, edge, i)).isFalse();
        assertThat(isBlack(image, i, image.getHeight() - 1 - edge)).isFalse();
        assertThat(isBlack(image, image.getWidth() - 1 - edge, i)).isFalse();
      }
    }
    // The top-left finder pattern starts right after the quiet zone.
    assertThat(isBlack(image, quietZone, quietZone)).isTrue();
  }

  @Test
  void dataUriCarriesTheSamePng() {
    String dataUri = QrCodes.pngDataUri(URI);

    assertThat(dataUri).startsWith("data:image/png;base64,");
    byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
    assertThat(png).isEqualTo(QrCodes.png(URI));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  private static Result decode(byte[] png) throws IOException, NotFoundException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminance(image)));
    return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
  }

  private static boolean isBlack(BufferedImage image, int x, int y) {
    return (image.getRGB(x, y) & 0xffffff) == 0;
  }
}
