package dev.gatehouse.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands out TOTP codes so that no (user, time step) pair is submitted twice: a provider must refuse
 * a replayed code, so each enrolled user gives at most the steps its skew accepts (the previous,
 * current and next one), and a fresh step every 30 seconds.
 */
final class TotpCodes {

  /** A code of the previous step is only handed out while this much of the current step remains. */
  private static final long PREVIOUS_STEP_MARGIN_SECONDS = 10;

  /** A user and the code it will type. */
  record Claim(Account account, String code) {
  }

  private final List<Account> accounts;
  private final Map<String, Set<Long>> usedSteps = new HashMap<>();
  private int next;

  TotpCodes(List<Account> enrolledAccounts) {
    this.accounts = List.copyOf(enrolledAccounts);
  }

  /** Records a step spent outside this pool, such as the code that confirmed the enrolment. */
  synchronized void spent(Account account, long step) {
    usedSteps.computeIfAbsent(account.username(), name -> new HashSet<>()).add(step);
  }

  /** The next unused code of any user, trying users in turn. */
  synchronized Claim claim() {
    long now = Instant.now().getEpochSecond();
    long current = Totp.stepAt(now);
    boolean previousUsable = Totp.PERIOD_SECONDS - now % Totp.PERIOD_SECONDS >= PREVIOUS_STEP_MARGIN_SECONDS;
    for (int tried = 0; tried < accounts.size(); tried++) {
      Account account = accounts.get(next);
      next = (next + 1) % accounts.size();
      Set<Long> used = usedSteps.computeIfAbsent(account.username(), name -> new HashSet<>());
      for (long step : previousUsable ? new long[] {current + 1, current, current - 1} : new long[] {current + 1, current}) {
        if (used.add(step)) {
          return new Claim(account, Totp.code(account.totpSecret(), step));
        }
      }
    }
    throw new Exhausted("TOTP steps of " + accounts.size() + " enrolled users");
  }
}
