package dev.gatehouse.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A Spring {@link PasswordEncoder} over Authelia's digest formats: {@link #matches} understands every format
 * {@link PasswordDigests#parse} does, {@link #encode} writes Argon2id with Authelia's defaults.
 */
public final class DigestPasswordEncoder implements PasswordEncoder {

  private static final int DEFAULT_CACHE_SIZE = 256;

  private final PasswordDigestGenerator generator;
  /** Parsed digests by encoded text, least recently used first; guarded by itself. */
  private final Map<String, PasswordDigest> parsed;

  public DigestPasswordEncoder() {
    this(new PasswordDigestGenerator(), DEFAULT_CACHE_SIZE);
  }

  public DigestPasswordEncoder(PasswordDigestGenerator generator, int cacheSize) {
    if (cacheSize < 1) {
      throw new IllegalArgumentException("cache size must be at least 1 but is " + cacheSize);
    }
    this.generator = generator;
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
    PasswordDigest digest = parsedDigest(encodedPassword);
    return digest != null && digest.matches(rawPassword);
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
