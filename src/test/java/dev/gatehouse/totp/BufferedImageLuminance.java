package dev.gatehouse.totp;

import com.google.zxing.LuminanceSource;
import java.awt.image.BufferedImage;

/** ZXing's own adapter lives in its javase module, which is not a dependency; a grey level per pixel is enough here. */
final class BufferedImageLuminance extends LuminanceSource {

  private final byte[] luminance;

  BufferedImageLuminance(BufferedImage image) {
    super(image.getWidth(), image.getHeight());
    luminance = new byte[image.getWidth() * image.getHeight()];
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
        luminance[y * image.getWidth() + x] = (byte) grey;
      }
    }
  }

  @Override
  public byte[] getRow(int y, byte[] row) {
    byte[] target = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
    System.arraycopy(luminance, y * getWidth(), target, 0, getWidth());
    return target;
  }

  @Override
  public byte[] getMatrix() {
    return luminance.clone();
  }
}
