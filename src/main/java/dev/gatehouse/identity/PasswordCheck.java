package dev.gatehouse.identity;

import dev.gatehouse.crypto.PasswordDigest;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The first factor of the file backend: a username and password checked against users.yml. Usernames match exactly
 * (case-sensitive), as with Authelia's default {@code search.case_insensitive: false}.
 *
 * <p>A failed login costs one digest computation whether or not the username exists or is disabled: an
 * unknown username is checked against the snapshot's timing decoy, so the response time does not tell an
 * attacker which usernames are real.
 *
 * <p>Checks wait their turn rather than all run at once: a check is pure CPU, so more of them than
 * processors adds no throughput. A check that allocates memory of its own (scrypt, 64 MiB with
 * go-crypt's defaults) also waits until the heap has room for it, so that a burst of logins cannot
 * end in OutOfMemoryError under a capped heap. Argon2 checks take turns on one array instead
 * (crypto's Argon2Memory), each using every processor.
 */
final class PasswordCheck {

  private static final long MIB = 1L << 20;
  /** The memory one check may always take: scrypt's and argon2id's with the usual defaults. */
  static final long CHECK_MEMORY_BYTES = 64 * MIB;
  /** Heap left for the rest of Gatehouse while checks run. */
  static final long RESERVED_HEAP_BYTES = 96 * MIB;

  private final Supplier<UserSnapshot> users;
  private final Semaphore processors;
  /** In MiB: the heap that checks may allocate for themselves at once. */
  private final Semaphore heap;
  private final int heapMiB;

  /** {@code users}: the users loaded now, whose digests a check reads. */
  PasswordCheck(Supplier<UserSnapshot> users) {
    this(users, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
  }

  PasswordCheck(Supplier<UserSnapshot> users, int processors, long maxHeapBytes) {
    this.users = users;
    this.processors = new Semaphore(processors, true);
    this.heapMiB = checkHeapMiB(maxHeapBytes);
    this.heap = new Semaphore(heapMiB, true);
  }

  /** What the heap leaves for checks beside the rest of Gatehouse, and always room for one check. */
  static int checkHeapMiB(long maxHeapBytes) {
    return (int) (Math.max(CHECK_MEMORY_BYTES, maxHeapBytes - RESERVED_HEAP_BYTES) / MIB);
  }

  /** The user when the password is right, else empty (unknown user, disabled user or wrong password). */
  Optional<User> authenticate(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    UserSnapshot snapshot = users.get();
    Optional<User> user = snapshot.enabledUser(username);
    Optional<PasswordDigest> digest = user.map(User::password).or(snapshot::timingDecoy);
    boolean matches = digest.map(d -> matchesInTurn(d, password)).orElse(false);
    return matches ? user : Optional.empty();
  }

  private boolean matchesInTurn(PasswordDigest digest, String password) {
    // A check larger than the whole allowance runs alone rather than never.
    int memoryMiB = (int) Math.min(heapMiB, (digest.workingMemoryBytes() + MIB - 1) / MIB);
    processors.acquireUninterruptibly();
    heap.acquireUninterruptibly(memoryMiB);
    try {
      return digest.matches(password);
    } finally {
      heap.release(memoryMiB);
      processors.release();
    }
  }
}
