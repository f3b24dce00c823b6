package dev.gatehouse.resilience;

import dev.gatehouse.testing.TestGatehouse;
import java.util.ArrayList;
import java.util.List;

/**
 * Users logging in over and over, each login whole: authorization request, login form, code,
 * token, userinfo. Keeps every login attempt and every token set the client received. While a
 * test has Gatehouse down on purpose ({@link CrashWindow}), the users wait.
 */
final class LoginLoad {

  /** Requests in one login: authorize, login page, login form, authorize again, token, userinfo. */
  static final int REQUESTS_PER_LOGIN = 6;
  private static final long PAUSE_AFTER_FAILURE_MILLIS = 100;

  /** One login; {@code failure} is null if it went through. */
  record Attempt(long startNanos, long endNanos, Exception failure, boolean overlapsCrash) {
  }

  /** Tokens the client received, and how many crashes there had been when it did. */
  record Received(RelyingParty.Tokens tokens, long crashMark) {
  }

  final Latencies logins = new Latencies();
  final Latencies tokenRequests = new Latencies();
  final Latencies userinfoRequests = new Latencies();
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Received> received = new ArrayList<>();
  private final List<Thread> workers = new ArrayList<>();
  private final RelyingParty client;
  private final CrashWindow crashes;
  private volatile boolean stopping;

  LoginLoad(RelyingParty client, CrashWindow crashes) {
    this.client = client;
    this.crashes = crashes;
  }

  void start(int users) {
    for (int i = 0; i < users; i++) {
      Thread worker = new Thread(this::loginRepeatedly, "login-load-" + i);
      workers.add(worker);
      worker.start();
    }
  }

  void stop() throws InterruptedException {
    stopping = true;
    for (Thread worker : workers) {
      worker.join();
    }
  }

  synchronized List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /** Failed logins that did not overlap a crash. */
  List<String> errors() {
    return attempts().stream().filter(attempt -> attempt.failure() != null && !attempt.overlapsCrash())
        .map(attempt -> attempt.failure().toString()).toList();
  }

  long cutShortByCrash() {
    return attempts().stream().filter(attempt -> attempt.failure() != null && attempt.overlapsCrash()).count();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void loginRepeatedly() {
    try {
      while (!stopping) {
        crashes.awaitUp();
        long mark = crashes.mark();
        long start = System.nanoTime();
        Exception failure = null;
        try {
          loginOnce(start);
        } catch (Exception e) {
          failure = e;
        }
        synchronized (this) {
          attempts.add(new Attempt(start, System.nanoTime(), failure, crashes.overlaps(mark)));
        }
        if (failure != null) {
          Thread.sleep(PAUSE_AFTER_FAILURE_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loginOnce(long start) throws Exception {
    String code = client.loginForCode(TestGatehouse.USER, TestGatehouse.PASSWORD);
    long tokenStart = System.nanoTime();
    RelyingParty.Tokens tokens = client.exchange(code);
    tokenRequests.add(tokenStart);
    synchronized (this) {
      received.add(new Received(tokens, crashes.mark()));
    }
    long userinfoStart = System.nanoTime();
    client.userinfo(tokens.accessToken());
    userinfoRequests.add(userinfoStart);
    logins.add(start);
  }
}
