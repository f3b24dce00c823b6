package dev.gatehouse.crypto;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the digest formats Authelia accepts for user passwords and client secrets. */
public final class PasswordDigests {

  /** LDAP storage-scheme prefixes that go-crypt removes before decoding. */
  private static final String[] LDAP_PREFIXES = {"{CRYPT}", "{ARGON2}"};
  /** passlib's LDAP form of PBKDF2, {@code {PBKDF2-SHA512}<iterations>$<salt>$<hash>}. */
  private static final Pattern LDAP_PBKDF2 = Pattern.compile("^\\{(PBKDF2(?:-SHA\\d+)?)}(\\d+\\$.*)$", Pattern.DOTALL);
  /** Only text shaped like an identifier is repeated in messages, so a mistyped secret is never echoed in full. */
  private static final Pattern IDENTIFIER_SHAPE = Pattern.compile("[a-z0-9-]{1,20}");

  private PasswordDigests() {}

  /**
   * Parses and fully decodes a digest, so that a malformed one fails when the configuration loads rather than at login.
   * A value not starting with {@code $} is a bare plaintext secret ({@link PasswordDigest#isLegacyPlaintext()}),
   * except that, like go-crypt, it first removes an LDAP scheme such as {@code {CRYPT}} from a digest that follows it.
   *
   * @throws MalformedDigestException if the digest cannot be used, with a message safe to show to an administrator
   */
  public static PasswordDigest parse(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      throw new MalformedDigestException("digest is empty");
    }
    String digest = withoutLdapPrefix(encoded);
    if (!digest.startsWith("$")) {
      return PlaintextDigest.legacy(encoded);
    }
    int end = digest.indexOf('$', 1);
    String identifier = end < 0 ? digest.substring(1) : digest.substring(1, end);
    return switch (identifier) {
      case "plaintext" -> PlaintextDigest.parse(digest);
      case "base64" -> PlaintextDigest.parseBase64(digest);
      case "2a", "2b", "2y" -> BcryptDigest.parse(digest);
      case BcryptDigest.SHA256_IDENTIFIER -> BcryptDigest.parseSha256(digest);
      case "5" -> ShaCryptDigest.parse(ShaCryptDigest.Variant.SHA256, digest);
      case "6" -> ShaCryptDigest.parse(ShaCryptDigest.Variant.SHA512, digest);
      case "scrypt" -> ScryptDigest.parse(digest);
      case "y" -> throw new MalformedDigestException("yescrypt digests ($y$) are not supported");
      default -> Pbkdf2Variant.forIdentifier(identifier)
          .<PasswordDigest>map(variant -> Pbkdf2Digest.parse(variant, digest))
          .or(() -> Argon2Variant.forIdentifier(identifier).map(variant -> Argon2Digest.parse(variant, digest)))
          .orElseThrow(() -> unknownAlgorithm(identifier));
    };
  }

  private static String withoutLdapPrefix(String encoded) {
    for (String prefix : LDAP_PREFIXES) {
      if (encoded.startsWith(prefix)) {
        return encoded.substring(prefix.length());
      }
    }
    Matcher pbkdf2 = LDAP_PBKDF2.matcher(encoded);
    return pbkdf2.matches() ? "$" + pbkdf2.group(1).toLowerCase(Locale.ROOT) + "$" + pbkdf2.group(2) : encoded;
  }

  private static MalformedDigestException unknownAlgorithm(String identifier) {
    if (identifier.isEmpty()) {
      return new MalformedDigestException("digest has no algorithm identifier after the leading '$'");
    }
    String named = IDENTIFIER_SHAPE.matcher(identifier).matches() ? " '" + identifier + "'" : "";
    return new MalformedDigestException("unknown digest algorithm" + named + "; expected one of argon2id, argon2i, "
        + "argon2d, scrypt, pbkdf2, pbkdf2-sha1, pbkdf2-sha224, pbkdf2-sha256, pbkdf2-sha384, pbkdf2-sha512, 2a, 2b, "
        + "2y, bcrypt-sha256, 5, 6, plaintext, base64");
  }
}
