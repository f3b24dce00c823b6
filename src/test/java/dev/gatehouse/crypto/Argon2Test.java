package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2Test {

  private static final byte[] RFC_PASSWORD = filled(32, 0x01);
  private static final byte[] RFC_SALT = filled(16, 0x02);
  private static final byte[] RFC_SECRET = filled(8, 0x03);
  private static final byte[] RFC_ASSOCIATED_DATA = filled(12, 0x04);

  /** RFC 9106 section 5: m=32 KiB, t=3, p=4, 32-byte tag, with a secret and associated data. */
  @ParameterizedTest
  @CsvSource({
      "ARGON2D, 512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb",
      "ARGON2I, c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8",
      "ARGON2ID, 0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"})
  void matchesTheTestVectorsOfRfc9106(Argon2Variant variant, String tag) {
    byte[] computed = new Argon2(variant, 32, 3, 4).hash(RFC_PASSWORD, RFC_SALT, RFC_SECRET, RFC_ASSOCIATED_DATA, 32);
    assertThat(HexFormat.of().formatHex(computed)).isEqualTo(tag);
  }

  /** Bouncy Castle's generator as a second reference over shapes the vectors leave out. */
  @ParameterizedTest
  @CsvSource({
      "ARGON2ID, 64, 1, 1, 32",
      "ARGON2ID, 1024, 3, 4, 32",
      "ARGON2ID, 200, 2, 3, 4",
      "ARGON2I, 300, 2, 2, 65",
      "ARGON2I, 512, 1, 1, 100",
      "ARGON2D, 96, 4, 3, 64",
      "ARGON2D, 1000, 1, 5, 1024"})
  void agreesWithBouncyCastle(Argon2Variant variant, int memoryKiB, int passes, int lanes, int tagLength) {
    Random random = new Random(memoryKiB * 31L + passes * 7L + lanes);
    byte[] password = new byte[random.nextInt(40)];
    byte[] salt = new byte[8 + random.nextInt(24)];
    random.nextBytes(password);
    random.nextBytes(salt);
    byte[] expected = new byte[tagLength];
    Argon2BytesGenerator reference = new Argon2BytesGenerator();
    reference.init(new Argon2Parameters.Builder(variant.typeNumber()).withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKiB).withIterations(passes).withParallelism(lanes).withSalt(salt).build());
    reference.generateBytes(password, expected);
    assertThat(new Argon2(variant, memoryKiB, passes, lanes).hash(password, salt, new byte[0], new byte[0], tagLength))
        .isEqualTo(expected);
  }

  @Test
  void aCheckOnTheArrayALaterCheckLeftIsRightAndTheArrayIsWipedWhenLetGo() throws Exception {
    long[] held = Argon2Memory.borrow(4096 * 128);
    Arrays.fill(held, 42L);
    Argon2Memory.giveBack(held);
    byte[] computed = new Argon2(Argon2Variant.ARGON2ID, 32, 3, 4).hash(RFC_PASSWORD, RFC_SALT, RFC_SECRET,
        RFC_ASSOCIATED_DATA, 32);
    assertThat(HexFormat.of().formatHex(computed)).as("the RFC 9106 vector, computed in a used array")
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    assertThat(Argon2Memory.keepsMemory()).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (Argon2Memory.keepsMemory() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(Argon2Memory.keepsMemory()).as("some seconds after the last check the array is let go").isFalse();
    assertThat(held).as("wiped before it was let go").containsOnly(0L);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
