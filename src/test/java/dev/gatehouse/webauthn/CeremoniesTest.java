package dev.gatehouse.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** A ceremony's challenge is bound to its session and answered once, in time, for its own kind. */
class CeremoniesTest {

  private static final RelyingParty PARTY = new RelyingParty("auth.example.com", "https://auth.example.com");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
  private final Ceremonies ceremonies = new Ceremonies(Duration.ofSeconds(60), clock);
  private final MockHttpSession session = new MockHttpSession();

  @Test
  void aReplayedAnswerFindsNoCeremony() {
    Ceremony begun = ceremonies.begin(session, Ceremony.Kind.SECOND_FACTOR, PARTY, "john", false);
    assertThat(ceremonies.take(session, Ceremony.Kind.SECOND_FACTOR)).containsSame(begun);
    assertThat(ceremonies.take(session, Ceremony.Kind.SECOND_FACTOR)).isEmpty();
  }

  @Test
  void anAnswerPastTheTimeoutOrForAnotherKindFindsNone() {
    ceremonies.begin(session, Ceremony.Kind.SECOND_FACTOR, PARTY, "john", false);
    clock.advance(Duration.ofSeconds(61));
    assertThat(ceremonies.take(session, Ceremony.Kind.SECOND_FACTOR)).isEmpty();

    ceremonies.begin(session, Ceremony.Kind.REGISTRATION, PARTY, "john", false);
    assertThat(ceremonies.take(session, Ceremony.Kind.PASSKEY_SIGN_IN)).isEmpty();
    assertThat(ceremonies.take(session, Ceremony.Kind.REGISTRATION)).as("taken by the wrong answer").isEmpty();
  }

  @Test
  void aNewCeremonyReplacesTheOldOneAndEachChallengeIsFresh() {
    Ceremony first = ceremonies.begin(session, Ceremony.Kind.SECOND_FACTOR, PARTY, "john", false);
    Ceremony second = ceremonies.begin(session, Ceremony.Kind.SECOND_FACTOR, PARTY, "john", false);
    assertThat(second.challenge()).hasSize(32).isNotEqualTo(first.challenge());
    assertThat(ceremonies.take(session, Ceremony.Kind.SECOND_FACTOR)).containsSame(second);
  }
}
