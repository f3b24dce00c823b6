package dev.gatehouse.regulation;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Authelia's timing-attack delay on the first factor: a failed attempt is answered no sooner than
 * the moving average of recent successful ones (at least 250 ms) plus a random jitter of up to
 * 85 ms, so how long a failure takes says nothing about why it failed. Successes are not delayed;
 * they only feed the average.
 *
 * <p>Authelia starts the average at one second; Gatehouse starts it at the 250 ms floor, so a
 * freshly started instance (every test) does not answer its first failures four times slower.
 */
public final class TimingAttackDelay {

  private static final int HISTORY = 10;
  static final Duration MINIMUM = Duration.ofMillis(250);
  static final int MAX_JITTER_MILLIS = 85;

  /** How a delay is waited out; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final RandomGenerator random;
  private final Sleeper sleeper;
  private final long[] successMillis = new long[HISTORY];
  private int cursor;

  public TimingAttackDelay(RandomGenerator random, Sleeper sleeper) {
    this.random = random;
    this.sleeper = sleeper;
    Arrays.fill(successMillis, MINIMUM.toMillis());
  }

  public static TimingAttackDelay sleeping() {
    return new TimingAttackDelay(new SecureRandom(), duration -> Thread.sleep(duration.toMillis()));
  }

  public synchronized void recordSuccess(Duration elapsed) {
    successMillis[cursor] = elapsed.toMillis();
    cursor = (cursor + 1) % HISTORY;
  }

  /** Waits until a failure that has taken {@code elapsed} so far looks like any other. */
  public void delayFailure(Duration elapsed) {
    try {
      sleeper.sleep(failureDelay(elapsed, random.nextInt(MAX_JITTER_MILLIS)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Duration failureDelay(Duration elapsed, int jitterMillis) {
    long target = Math.max(average(), MINIMUM.toMillis()) + jitterMillis;
    return Duration.ofMillis(Math.max(target - elapsed.toMillis(), 1));
  }

  private synchronized long average() {
    return Arrays.stream(successMillis).sum() / HISTORY;
  }
}
