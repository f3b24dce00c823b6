package dev.gatehouse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Authorization codes made before timing, through real sign-ins: browsers that are already signed
 * in ask again and again (consenting each time the provider asks), so the token scenario has a fresh
 * code for every request. The stock is handed out newest first, as a relying party redeems a code
 * the moment it arrives rather than minutes later.
 */
final class CodeMint {

  private CodeMint() {
  }

  static Queue<String> mint(Provider provider, List<Browser> signedIn, List<Account> owners, int count)
      throws InterruptedException {
    ConcurrentLinkedDeque<String> codes = new ConcurrentLinkedDeque<>();
    AtomicInteger wanted = new AtomicInteger(count);
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < signedIn.size(); i++) {
      Browser browser = signedIn.get(i);
      Account owner = owners.get(i);
      threads.add(new Thread(() -> {
        try {
          while (wanted.getAndDecrement() > 0) {
            codes.addFirst(SignIn.code(browser, provider, owner, SignIn.NO_SECOND_FACTOR));
          }
        } catch (Exception e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("minting codes at " + provider.name() + " failed", failures.get(0));
    }
    return codes;
  }
}
