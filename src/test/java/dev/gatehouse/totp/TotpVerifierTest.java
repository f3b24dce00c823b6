package dev.gatehouse.totp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.config.schema.TotpConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TotpVerifierTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_015L);
  private static final byte[] SECRET = TotpSecrets.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  private static final TotpParameters PARAMETERS = new TotpParameters(TotpAlgorithm.SHA1, 6, 30);
  private static final long STEP = PARAMETERS.stepAt(NOW);

  private final InMemoryReplayGuard guard = new InMemoryReplayGuard();
  private final Logger verifierLog = (Logger) LoggerFactory.getLogger(TotpVerifier.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @AfterEach
  void detachLog() {
    verifierLog.detachAppender(logged);
  }

  @Test
  void acceptsACodeOnceThenRefusesItsReplay() {
    TotpVerifier verifier = verifier(TotpConfigs.defaults());
    String code = Totp.code(SECRET, STEP, PARAMETERS);

    assertThat(verifier.verify("john", SECRET, PARAMETERS, code)).isEqualTo(TotpVerification.ACCEPTED);
    assertThat(verifier.verify("john", SECRET, PARAMETERS, code)).isEqualTo(TotpVerification.REPLAYED);
  }

  @Test
  void recordsTheStepStartInUnixSecondsPerUser() {
    TotpVerifier verifier = verifier(TotpConfigs.defaults());
    String previous = Totp.code(SECRET, STEP - 1, PARAMETERS);

    assertThat(verifier.verify("john", SECRET, PARAMETERS, previous)).isEqualTo(TotpVerification.ACCEPTED);
    assertThat(verifier.verify("mary", SECRET, PARAMETERS, previous)).isEqualTo(TotpVerification.ACCEPTED);
    assertThat(guard.recorded).containsExactly("john@" + (STEP - 1) * 30, "mary@" + (STEP - 1) * 30);
  }

  @Test
  void anInvalidCodeLeavesTheGuardUntouched() {
    TotpVerifier verifier = verifier(TotpConfigs.defaults());

    assertThat(verifier.verify("john", SECRET, PARAMETERS, Totp.code(SECRET, STEP + 2, PARAMETERS)))
        .isEqualTo(TotpVerification.INVALID);
    assertThat(verifier.verify("john", SECRET, PARAMETERS, "abcdef")).isEqualTo(TotpVerification.INVALID);
    assertThat(guard.recorded).isEmpty();
  }

  @Test
  void acceptsAndWarnsAboutAReplayWhenTheReusePolicyIsDisabled() {
    logged.start();
    verifierLog.addAppender(logged);
    TotpVerifier verifier = verifier(TotpConfigs.reuseAllowed());
    String code = Totp.code(SECRET, STEP, PARAMETERS);

    assertThat(verifier.verify("john", SECRET, PARAMETERS, code)).isEqualTo(TotpVerification.ACCEPTED);
    assertThat(logged.list).isEmpty();
    assertThat(verifier.verify("john", SECRET, PARAMETERS, code)).isEqualTo(TotpVerification.ACCEPTED);
    assertThat(logged.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).contains("john").doesNotContain(code);
    });
  }

  private TotpVerifier verifier(TotpConfig config) {
    return new TotpVerifier(config, guard, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** What the storage table's UNIQUE(username, step) does, in a set. */
  private static final class InMemoryReplayGuard implements ReplayGuard {
    private final Set<String> used = new HashSet<>();
    private final List<String> recorded = new ArrayList<>();

    @Override
    public boolean firstUse(String username, long step) {
      String key = username + "@" + step;
      if (used.add(key)) {
        recorded.add(key);
        return true;
      }
      return false;
    }
  }
}
