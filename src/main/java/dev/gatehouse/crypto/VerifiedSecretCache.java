package dev.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers (digest, secret) pairs that have already verified, so that a client presenting the
 * same secret again skips the deliberately slow digest (0.3 s of PBKDF2 for the seed's client).
 *
 * <p>Entries are keyed by an HMAC under a random key made at start-up, over the digest and the
 * secret together: a wrong secret, or the right secret against a changed digest, can never hit,
 * and the cache holds nothing from which a secret could be recovered. Only successes are stored,
 * and the least recently used entries are dropped beyond the bound.
 */
public final class VerifiedSecretCache {

  private final SecretKeySpec key;
  private final Map<String, Boolean> verified;

  public VerifiedSecretCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1 but is " + capacity);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, "HmacSHA256");
    this.verified = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  public boolean contains(String encodedDigest, CharSequence secret) {
    String entry = entryOf(encodedDigest, secret);
    synchronized (verified) {
      return verified.get(entry) != null;
    }
  }

  public void remember(String encodedDigest, CharSequence secret) {
    String entry = entryOf(encodedDigest, secret);
    synchronized (verified) {
      verified.put(entry, Boolean.TRUE);
    }
  }

  public int size() {
    synchronized (verified) {
      return verified.size();
    }
  }

  private String entryOf(String encodedDigest, CharSequence secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encodedDigest.getBytes(StandardCharsets.UTF_8));
      // A separator no digest contains keeps ("ab", "c") and ("a", "bc") apart.
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(secret.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
