package dev.gatehouse.identity;

import dev.gatehouse.crypto.PasswordDigest;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The first factor: a username and password checked against users.yml. Usernames match exactly
 * (case-sensitive), as with Authelia's default {@code search.case_insensitive: false}.
 *
 * <p>A failed login costs one digest computation whether or not the username exists or is disabled: an
 * unknown username is checked against the snapshot's timing decoy, so the response time does not tell an
 * attacker which usernames are real.
 *
 * <p>Checks wait their turn rather than all run at once: a check is pure CPU, so more of them than
 * processors adds no throughput, only memory, and a memory-hard check (scrypt; argon2id with
 * Authelia's defaults) holds 64 MiB of heap. A burst of logins would otherwise end in
 * OutOfMemoryError under a capped heap. Argon2 checks also take turns on one array of their own
 * (crypto's Argon2Memory), each using every processor.
 */
public final class PasswordCheck {

  /** The memory of one argon2id check with Authelia's defaults (m=65536 KiB). */
  static final long CHECK_MEMORY_BYTES = 64L << 20;
  /** Heap left for the rest of Gatehouse while checks run. */
  static final long RESERVED_HEAP_BYTES = 96L << 20;

  private final UserDirectory directory;
  private final Semaphore running = new Semaphore(
      concurrentChecks(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()), true);

  public PasswordCheck(UserDirectory directory) {
    this.directory = directory;
  }

  /** One per processor, as far as the heap holds their memory, and always at least one. */
  static int concurrentChecks(int processors, long maxHeapBytes) {
    long fitting = (maxHeapBytes - RESERVED_HEAP_BYTES) / CHECK_MEMORY_BYTES;
    return (int) Math.max(1, Math.min(processors, fitting));
  }

  /** The user when the password is right, else empty (unknown user, disabled user or wrong password). */
  public Optional<User> authenticate(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    UserSnapshot users = directory.snapshot();
    Optional<User> user = users.enabledUser(username);
    Optional<PasswordDigest> digest = user.map(User::password).or(users::timingDecoy);
    boolean matches = digest.map(d -> matchesInTurn(d, password)).orElse(false);
    return matches ? user : Optional.empty();
  }

  private boolean matchesInTurn(PasswordDigest digest, String password) {
    running.acquireUninterruptibly();
    try {
      return digest.matches(password);
    } finally {
      running.release();
    }
  }
}
