package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Digests made by other implementations (the command or source is named beside each), which we must accept exactly.
 * Python commands ran under Debian 12's python3 3.11 with python3-passlib 1.7.4 and python3-bcrypt 3.2.2; the shell
 * commands ran with OpenSSL 3.0.19, apache2-utils 2.4.71 (htpasswd) and the argon2 20190702 CLI. Authelia's own
 * Argon2id example is reproduced byte for byte in {@link PasswordDigestGeneratorTest} instead, to pay its 64 MiB once.
 */
class ExternalDigestVectorsTest {

  private static final String NON_ASCII = "pässwörd";

  @Test
  void seedDigestFromAutheliaDocsMatchesOnlyItsSecret() {
    PasswordDigest digest = PasswordDigests.parse("$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$"
        + "JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng");

    assertThat(digest.matches("insecure_secret")).isTrue();
    assertThat(digest.matches("insecure_secreT")).isFalse();
    assertThat(digest.matches("insecure_secret ")).isFalse();
    assertThat(digest.matches("")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesTheSecretItWasMadeFrom(String source, String encoded, String secret) {
    assertThat(PasswordDigests.parse(encoded).matches(secret)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rejectsAWrongSecret(String source, String encoded, String secret) {
    assertThat(PasswordDigests.parse(encoded).matches(secret + "x")).isFalse();
  }

  @Test
  void bcryptIgnoresEverythingAfterThe72ndByte() {
    // htpasswd -nbB -C 4 user 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij0123456789'
    PasswordDigest digest = PasswordDigests.parse("$2y$04$x7SPpNMULoC9y1SyPgFhoeqorBguC3zKAJ5dtPDmlRlIJdAUOLz7m");
    String first72 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij";

    assertThat(digest.matches(first72 + "0123456789")).isTrue();
    assertThat(digest.matches(first72)).isTrue();
    assertThat(digest.matches(first72 + "anything else")).isTrue();
    assertThat(digest.matches(first72.substring(0, 71))).isFalse();
  }

  @Test
  void ldapSchemePrefixesAreRemovedAsGoCryptDoes() {
    // Authelia: internal/authentication/file_user_provider_test.go keeps user passwords as {CRYPT}$…
    assertThat(PasswordDigests.parse("{CRYPT}$5$saltsalt$gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC.")
        .matches("password")).isTrue();
    assertThat(PasswordDigests.parse("{ARGON2}$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQy$pSqbCNTk2uEFolh3asSts1ALmxLjNl"
        + "MvTdIQoIx6xWk").matches("password")).isTrue();
    // passlib's LDAP form of the passlib pbkdf2_sha256 vector above.
    assertThat(PasswordDigests.parse("{PBKDF2-SHA256}1000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJ"
        + "TOjR59I").matches("password")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void keepsTheEncodedTextAsWritten(String source, String encoded, String secret) {
    assertThat(PasswordDigests.parse(encoded).encoded()).isEqualTo(encoded);
  }

  static Stream<Arguments> vectors() {
    return Stream.of(
        // pbkdf2_sha1.using(rounds=1000, salt=b'0123456789abcdef').hash("password")  (passlib)
        vector("passlib pbkdf2_sha1", "$pbkdf2$1000$MDEyMzQ1Njc4OWFiY2RlZg$DYW.LTZG5wxyiF/qvsh40/./hXk", "password"),
        // pbkdf2_sha256.using(rounds=1000, salt=b'0123456789abcdef').hash("password")  (passlib)
        vector("passlib pbkdf2_sha256",
            "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I", "password"),
        // pbkdf2_sha512.using(rounds=1000, salt=b'0123456789abcdef').hash("pässwörd")  (passlib)
        vector("passlib pbkdf2_sha512, non-ASCII secret", "$pbkdf2-sha512$1000$MDEyMzQ1Njc4OWFiY2RlZg$OH.PT74WOcBRC8O6"
            + "wPnBynZWeDcHFtHyKcPrw2O/715a1ZD.SC49CGO0N86Cvjme0.Xl1P3lj8ayI3xe3fv6Cg", NON_ASCII),
        // passlib has no sha224/sha384 handler, so: key = hashlib.pbkdf2_hmac(name, b"password", b'fedcba9876543210',
        // 1000), encoded by hand as "$pbkdf2-<name>$1000$" + ab64(salt) + "$" + ab64(key) with
        // ab64(b) = base64.b64encode(b).decode().rstrip('=').replace('+', '.')
        vector("hashlib pbkdf2_hmac sha224",
            "$pbkdf2-sha224$1000$ZmVkY2JhOTg3NjU0MzIxMA$XG/bxSRRs3.3s4DMffy.eoT7zY3Uvv5xRshAlw", "password"),
        vector("hashlib pbkdf2_hmac sha384", "$pbkdf2-sha384$1000$ZmVkY2JhOTg3NjU0MzIxMA$N1h4VGBF6p.z4EtBrlE1VRQD.gZeJK"
            + "jw2qtJU.lX7WJsUgSq7qXwNTBK1K0x97PI", "password"),
        // The alternative SHA-1 identifier, same digest as passlib pbkdf2_sha1 above.
        vector("pbkdf2-sha1 identifier", "$pbkdf2-sha1$1000$MDEyMzQ1Njc4OWFiY2RlZg$DYW.LTZG5wxyiF/qvsh40/./hXk",
            "password"),

        // echo -n password | argon2 somesalt1 -id -t 3 -k 64 -p 4 -e
        vector("argon2 CLI argon2id",
            "$argon2id$v=19$m=64,t=3,p=4$c29tZXNhbHQx$9aJ3hey09KTkBqHrBHp6T+R6wS2OJmA6XsxM8YmyrdA", "password"),
        // echo -n 'pässwörd' | argon2 unicodesalt -id -t 1 -k 64 -p 2 -e
        vector("argon2 CLI argon2id, non-ASCII secret",
            "$argon2id$v=19$m=64,t=1,p=2$dW5pY29kZXNhbHQ$kEq6Z3r7mh00WC5SGRLKV8ECoRVbZVMw1qK2phYQi5g", NON_ASCII),
        // echo -n password | argon2 somesalt2 -i -t 1 -k 64 -p 1 -e
        vector("argon2 CLI argon2i",
            "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQy$pSqbCNTk2uEFolh3asSts1ALmxLjNlMvTdIQoIx6xWk", "password"),
        // echo -n password | argon2 somesalt3 -d -t 2 -k 32 -p 2 -l 16 -e
        vector("argon2 CLI argon2d, 16-byte key",
            "$argon2d$v=19$m=32,t=2,p=2$c29tZXNhbHQz$+LVMoGWDyC1Tx7jwphBGRA", "password"),

        // htpasswd -nbB -C 4 user password
        vector("htpasswd bcrypt 2y", "$2y$04$.H.glEfosQ4y8.rAB7MCZ.g17fKJj6JRpyEdKyA0kwYuLAWx2qFdC", "password"),
        // htpasswd -nbB -C 5 user 'pässwörd'
        vector("htpasswd bcrypt 2y, non-ASCII secret", "$2y$05$eA4urawwBKSssd5k0ckpDuQ58sQB5JXKODMj3TlbO7XR2hAJhjxnu",
            NON_ASCII),
        // bcrypt.hashpw(b"password", bcrypt.gensalt(rounds=4, prefix=b"2b"))  (python3-bcrypt)
        vector("python3-bcrypt 2b", "$2b$04$vcjRkZvU5ZyjmAeg5t5qsep1IU3wlQSC7XBdZeq4wRTLi923KJS1e", "password"),
        // bcrypt.hashpw(b"password", bcrypt.gensalt(rounds=4, prefix=b"2a"))  (python3-bcrypt)
        vector("python3-bcrypt 2a", "$2a$04$.aw/1afocfSWGx0OFZqQgeNYRlSMwIyaP.eHQ/r2Yyix.L4Gtk4J6", "password"),
        // bcrypt.hashpw(b"", bcrypt.gensalt(rounds=4))  (python3-bcrypt)
        vector("python3-bcrypt empty secret", "$2b$04$0ZOwZ71jwzhEITpJbT/mw.OqjTZykOS9n7sTpS9HMYMRt00pAjuPC", ""),
        // bcrypt_sha256.using(rounds=4).hash("password")  (passlib)
        vector("passlib bcrypt_sha256",
            "$bcrypt-sha256$v=2,t=2b,r=4$hpYK6hJ7M72b01qKqAk7V.$GbCw2IO1ffI543XkQJtdlNE.k5YLRza", "password"),

        // openssl passwd -5 -salt saltsalt password
        vector("openssl sha256crypt", "$5$saltsalt$gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC.", "password"),
        // openssl passwd -5 -salt 'rounds=1000$roundsalt' 'pässwörd'
        vector("openssl sha256crypt rounds, non-ASCII secret",
            "$5$rounds=1000$roundsalt$QVIfWSyNrLGiH5GmOQ7Fvyk95arh0O6e1S7zb7FBAcC", NON_ASCII),
        // openssl passwd -6 -salt saltsalt password
        vector("openssl sha512crypt", "$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc."
            + "eoxqOmSuNp2xS0ktL3nh/", "password"),
        // openssl passwd -6 -salt 'rounds=1000$saltsalt' password
        vector("openssl sha512crypt rounds", "$6$rounds=1000$saltsalt$Z/J9iYO1iE9xnr8JPQL57ZWsVRtVjrUv3CiWc/wKWseqXgSq"
            + "n3HFYJ/Ng7YXa8XlLj.wpdAwHOJJzuGFqBBRa0", "password"),
        // crypt.crypt("password", "$6$rounds=1000$pysalt$")  (Python stdlib crypt, i.e. glibc)
        vector("python crypt sha512crypt rounds", "$6$rounds=1000$pysalt$Ynvw5M5phP6jUPTdU.iYrFBUlXFiYHIk/mvpAj/H1ofBn6"
            + "LQusoQabjLpE3BCVdQwdOUuhmUdWLj/wmx.bz0F0", "password"),
        // crypt.crypt("password", "$5$sixteencharsalt$")  (Python stdlib crypt, i.e. glibc)
        vector("python crypt sha256crypt 16-char salt",
            "$5$sixteencharsalt$RazAuyRTEl/9UFpbT0KT7jPGt8B0917paWBuxLBa1p3", "password"),

        // scrypt.using(rounds=4, block_size=8, parallelism=1, salt=b'scryptsaltscrypt').hash("password")  (passlib)
        vector("passlib scrypt",
            "$scrypt$ln=4,r=8,p=1$c2NyeXB0c2FsdHNjcnlwdA$Px23hNh8uuhJdHSs+8Wx+oEE+GF3c2pMUxOmLsOAd3I", "password"),
        // s = b'\xfb\x01salt+/salt'; key = hashlib.scrypt("pässwörd".encode(), salt=s, n=32, r=4, p=2, dklen=32),
        // encoded by hand as "$scrypt$ln=5,r=4,p=2$" + b64(s) + "$" + b64(key), b64 = standard base64 without '='
        vector("hashlib scrypt p=2, non-ASCII secret",
            "$scrypt$ln=5,r=4,p=2$+wFzYWx0Ky9zYWx0$K7o7PjixaEQqjf/Eq40kbtG7QlNDXIkb3peZ147OkhE", NON_ASCII),

        // go-crypt's own test vectors (github.com/go-crypt/crypt, t_*_test.go), the library Authelia uses.
        vector("go-crypt scrypt",
            "$scrypt$ln=4,r=8,p=1$ySYknWRq9On6wWfpsOUQQg$C28LpWaXQ3P0/dcbN0njxJx4VL/UCQIAWlnYAJgT/mY", "password"),
        vector("go-crypt sha512crypt (mkpasswd)", "$6$rounds=1000$eG49klxUKySvBpju$.1paw1pj51FdmvNAnsNoX8lyHMdH/S74Df"
            + "kZnWWTOnGI9keTp/DXjR9ro5kJrncPSF5fc.krAwdkBxc4C8kSU1", "password"),
        vector("go-crypt sha256crypt (mkpasswd)", "$5$4X/QmdRP6q7Ilhpc$2sperIXN6jawEYd8a8arineQHqYIEGURjZGdD4H4xs8",
            "password"),

        // python: "$base64$" + ab64("pässwörd>>>?".encode()), ab64 as above; go-crypt decodes $base64$ as ab64.
        vector("base64 plaintext", "$base64$cMOkc3N3w7ZyZD4.Pj8", "pässwörd>>>?"),
        // Authelia: internal/configuration/schema/types_test.go
        vector("Authelia plaintext", "$plaintext$example", "example"));
  }

  private static Arguments vector(String source, String encoded, String secret) {
    return Arguments.of(source, encoded, secret);
  }
}
