package dev.gatehouse.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A Spring {@link PasswordEncoder} over Authelia's digest formats: {@link #matches} understands every format
 * {@link PasswordDigests#parse} does, {@link #encode} writes Argon2id with Authelia's defaults.
 *
 * <p>Given a {@link VerifiedSecretCache}, a secret that verified once is answered from memory afterwards. That is
 * meant for client secrets, which a client sends on every token request; user passwords never go through here.
 */
public final class DigestPasswordEncoder implements PasswordEncoder {

  private static final int DEFAULT_CACHE_SIZE = 256;

  private final PasswordDigestGenerator generator;
  private final VerifiedSecretCache verifiedSecrets;
  /** Parsed digests by encoded text, least recently used first; guarded by itself. */
  private final Map<String, PasswordDigest> parsed;

  public DigestPasswordEncoder() {
    this(new PasswordDigestGenerator(), DEFAULT_CACHE_SIZE, null);
  }

  /** An encoder that remembers verified secrets in {@code verifiedSecrets}. */
  public DigestPasswordEncoder(VerifiedSecretCache verifiedSecrets) {
    this(new PasswordDigestGenerator(), DEFAULT_CACHE_SIZE, verifiedSecrets);
  }

  public DigestPasswordEncoder(PasswordDigestGenerator generator, int cacheSize, VerifiedSecretCache verifiedSecrets) {
    if (cacheSize < 1) {
      throw new IllegalArgumentException("cache size must be at least 1 but is " + cacheSize);
    }
    this.generator = generator;
    this.verifiedSecrets = verifiedSecrets;
    this.parsed = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PasswordDigest> eldest) {
        return size() > cacheSize;
      }
    };
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return rawPassword == null ? null : generator.argon2(rawPassword).encoded();
  }

  /** False, never an exception, when either argument is null or the encoded digest is malformed. */
  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return false;
    }
    if (verifiedSecrets != null && verifiedSecrets.contains(encodedPassword, rawPassword)) {
      return true;
    }
    PasswordDigest digest = parsedDigest(encodedPassword);
    boolean matches = digest != null && digest.matches(rawPassword);
    if (matches && verifiedSecrets != null) {
      verifiedSecrets.remember(encodedPassword, rawPassword);
    }
    return matches;
  }

  /**
   * Always false: the authorization server saves a re-encoded secret when this is true, and client secrets come from
   * read-only configuration.
   */
  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return false;
  }

  private PasswordDigest parsedDigest(String encoded) {
    synchronized (parsed) {
      PasswordDigest cached = parsed.get(encoded);
      if (cached != null) {
        return cached;
      }
    }
    PasswordDigest digest;
    try {
      digest = PasswordDigests.parse(encoded);
    } catch (MalformedDigestException e) {
      return null;
    }
    synchronized (parsed) {
      parsed.put(encoded, digest);
    }
    return digest;
  }
}
