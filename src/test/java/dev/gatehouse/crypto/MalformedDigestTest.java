package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedDigestTest {

  private static final String SALT_16 = "MDEyMzQ1Njc4OWFiY2RlZg";
  private static final String ARGON2_SALT = "c29tZXNhbHQx";
  private static final String ARGON2_HASH = "9aJ3hey09KTkBqHrBHp6T+R6wS2OJmA6XsxM8YmyrdA";
  private static final String BCRYPT_SALT = "vcjRkZvU5ZyjmAeg5t5qse";
  private static final String BCRYPT_HASH = "p1IU3wlQSC7XBdZeq4wRTLi923KJS1e";
  private static final String SHA512_CRYPT_HASH =
      "qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/";

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("malformed")
  void failsWithAPlainMessage(String encoded, String expectedMessage) {
    assertThatThrownBy(() -> PasswordDigests.parse(encoded))
        .isInstanceOf(MalformedDigestException.class)
        .hasMessage(expectedMessage);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void neverRepeatsSaltHashOrSecretText(String encoded, String expectedMessage) {
    String message = catchMessage(encoded);
    Arrays.stream(encoded.split("\\$"))
        .skip(2)
        .filter(part -> part.length() >= 6)
        .forEach(part -> assertThat(message).doesNotContain(part));
  }

  @Test
  void nullIsEmpty() {
    assertThat(catchMessage(null)).isEqualTo("digest is empty");
  }

  @Test
  void textThatIsNotShapedLikeAnIdentifierIsNotEchoed() {
    assertThat(catchMessage("$Hunter2!Secret")).startsWith("unknown digest algorithm;").doesNotContain("Hunter2");
  }

  private static String catchMessage(String encoded) {
    try {
      PasswordDigests.parse(encoded);
    } catch (MalformedDigestException e) {
      return e.getMessage();
    }
    throw new AssertionError("parsed without complaint");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        malformed("", "digest is empty"),
        malformed("$", "digest has no algorithm identifier after the leading '$'"),
        malformed("$foo$bar", "unknown digest algorithm 'foo'; expected one of argon2id, argon2i, argon2d, scrypt, "
            + "pbkdf2, pbkdf2-sha1, pbkdf2-sha224, pbkdf2-sha256, pbkdf2-sha384, pbkdf2-sha512, 2a, 2b, 2y, "
            + "bcrypt-sha256, 5, 6, plaintext, base64"),
        malformed("$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7",
            "yescrypt digests ($y$) are not supported"),

        malformed("$pbkdf2-sha512$310000$" + SALT_16, "pbkdf2-sha512 digest must have 5 '$'-separated parts but has 4"),
        malformed("$pbkdf2$1000$" + SALT_16 + "$" + SALT_16 + "$extra",
            "pbkdf2 digest must have 5 '$'-separated parts but has 6"),
        malformed("$pbkdf2-sha256$0$" + SALT_16 + "$" + SALT_16, "pbkdf2-sha256 iterations must be at least 1"),
        malformed("$pbkdf2-sha256$-5$" + SALT_16 + "$" + SALT_16, "pbkdf2-sha256 iterations must be a whole number"),
        malformed("$pbkdf2-sha256$1e5$" + SALT_16 + "$" + SALT_16, "pbkdf2-sha256 iterations must be a whole number"),
        malformed("$pbkdf2-sha256$99999999999$" + SALT_16 + "$" + SALT_16,
            "pbkdf2-sha256 iterations must be at least 1"),
        malformed("$pbkdf2-sha256$1000$$" + SALT_16, "pbkdf2-sha256 salt is empty"),
        malformed("$pbkdf2-sha256$1000$" + SALT_16 + "$", "pbkdf2-sha256 hash is empty"),
        malformed("$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFi+2RlZg$" + SALT_16,
            "pbkdf2-sha256 salt is not valid adapted base64"),
        malformed("$pbkdf2-sha256$1000$" + SALT_16 + "$MDEyMzQ1Njc4OWFiY2RlZg==",
            "pbkdf2-sha256 hash is not valid adapted base64"),
        malformed("$pbkdf2-sha256$1000$" + SALT_16 + "$MDEyMzQ1Njc4OWFiY",
            "pbkdf2-sha256 hash is not valid adapted base64"),

        malformed("$argon2id$v=19$m=64,t=3,p=4$" + ARGON2_SALT,
            "argon2id digest must have 6 '$'-separated parts but has 5"),
        malformed("$argon2i$m=64,t=3,p=4$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2i digest must have 6 '$'-separated parts but has 5"),
        malformed("$argon2id$v=16$m=64,t=3,p=4$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2id version field must be v=19"),
        malformed("$argon2id$v=19$m=64,t=0,p=4$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2id parameter 't' must be at least 1"),
        malformed("$argon2id$v=19$m=8388608,t=1,p=4$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2id parameter 'm' must be between 1 and 4194304"),
        malformed("$argon2d$v=19$m=16,t=1,p=4$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2d memory (m) must be at least 8 KiB per lane, i.e. at least 32 for p=4"),
        malformed("$argon2id$v=19$m=64,t=1,p=0$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2id parameter 'p' must be between 1 and 16777215"),
        malformed("$argon2id$v=19$m=64,t=1,x=4$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2id has an unknown parameter; expected only m, p, t"),
        malformed("$argon2id$v=19$m64,t1,p4$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2id parameters must be key=value pairs separated by commas, with keys m, p, t"),
        malformed("$argon2id$v=19$m=64,m=128$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "argon2id parameter 'm' is given twice"),
        malformed("$argon2id$v=19$m=64,t=1,p=4$c29tZXNhbHQx.$" + ARGON2_HASH, "argon2id salt is not valid base64"),
        malformed("$argon2id$v=19$m=64,t=1,p=4$" + ARGON2_SALT + "$9aJ3h", "argon2id hash is not valid base64"),
        malformed("$argon2id$v=19$m=64,t=1,p=4$" + ARGON2_SALT + "$9aJ3", "argon2id hash must be at least 4 bytes"),

        malformed("$2b$04", "bcrypt digest must have 4 '$'-separated parts but has 3"),
        malformed("$2b$04$" + BCRYPT_SALT + BCRYPT_HASH.substring(1),
            "bcrypt digest must end with a 22-character salt directly followed by a 31-character hash"),
        malformed("$2b$03$" + BCRYPT_SALT + BCRYPT_HASH, "bcrypt cost must be between 4 and 31"),
        malformed("$2a$32$" + BCRYPT_SALT + BCRYPT_HASH, "bcrypt cost must be between 4 and 31"),
        malformed("$2y$ab$" + BCRYPT_SALT + BCRYPT_HASH, "bcrypt cost must be a whole number"),
        malformed("$2b$04$vcjRkZvU5ZyjmAeg5t5qs+" + BCRYPT_HASH, "bcrypt salt is not valid bcrypt base64"),
        malformed("$bcrypt-sha256$v=1,t=2b,r=4$" + BCRYPT_SALT + "$" + BCRYPT_HASH,
            "bcrypt-sha256 parameter 'v' must be 2 (version 1 is not supported)"),
        malformed("$bcrypt-sha256$v=2,t=2x,r=4$" + BCRYPT_SALT + "$" + BCRYPT_HASH,
            "bcrypt-sha256 parameter 't' must be one of 2a, 2b, 2y"),
        malformed("$bcrypt-sha256$v=2,t=2b$" + BCRYPT_SALT + "$" + BCRYPT_HASH,
            "bcrypt-sha256 parameter 'r' is missing"),
        malformed("$bcrypt-sha256$v=2,t=2b,r=4$" + BCRYPT_SALT + "x$" + BCRYPT_HASH,
            "bcrypt-sha256 salt must be 22 characters"),

        malformed("$6$", "sha512crypt digest must have 4 '$'-separated parts, or 5 with rounds=<n>, but has 3"),
        malformed("$6$rounds=999$saltsalt$" + SHA512_CRYPT_HASH,
            "sha512crypt rounds must be between 1000 and 999999999"),
        malformed("$6$round=5000$saltsalt$" + SHA512_CRYPT_HASH, "sha512crypt digest's third part must be rounds=<n>"),
        malformed("$6$saltsaltsaltsalts$" + SHA512_CRYPT_HASH,
            "sha512crypt salt must be 1 to 16 characters from [./0-9A-Za-z]"),
        malformed("$5$salt_salt$gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC.",
            "sha256crypt salt must be 1 to 16 characters from [./0-9A-Za-z]"),
        malformed("$5$saltsalt$gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC",
            "sha256crypt hash must be 43 characters from [./0-9A-Za-z]"),

        malformed("$scrypt$ln=4,r=8,p=1$" + ARGON2_SALT, "scrypt digest must have 5 '$'-separated parts but has 4"),
        malformed("$scrypt$ln=0,r=8,p=1$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "scrypt parameter 'ln' must be between 1 and 22"),
        malformed("$scrypt$ln=16,r=1,p=1$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "scrypt parameter 'ln' must be between 1 and 15"),
        malformed("$scrypt$r=1$" + ARGON2_SALT + "$" + ARGON2_HASH, "scrypt parameter 'ln' must be between 1 and 15"),
        malformed("$scrypt$ln=4,r=8,p=0$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "scrypt parameter 'p' must be between 1 and 262143"),
        malformed("$scrypt$ln=4,n=8$" + ARGON2_SALT + "$" + ARGON2_HASH,
            "scrypt has an unknown parameter; expected only ln, p, r"),
        malformed("$scrypt$ln=4,r=8,p=1$" + ARGON2_SALT + "$" + ARGON2_HASH + "==", "scrypt hash is not valid base64"),

        malformed("$plaintext$", "plaintext digest must have a value after $plaintext$"),
        malformed("$plaintext", "plaintext digest must have a value after $plaintext$"),
        malformed("$base64$", "base64 digest must have a value after $base64$"),
        malformed("$base64$c2VjcmV0cw==", "base64 value is not valid adapted base64"));
  }

  private static Arguments malformed(String encoded, String expectedMessage) {
    return Arguments.of(encoded, expectedMessage);
  }
}
