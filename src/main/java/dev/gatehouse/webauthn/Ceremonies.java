package dev.gatehouse.webauthn;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Challenges bound to the session and used once: beginning a ceremony replaces any earlier one,
 * and taking it for checking removes it whatever the outcome, so an answer replayed, answered
 * later or past {@code webauthn.timeout} finds no ceremony. Two answers racing on two instances
 * may both find it in the shared session, so an answer is checked only once its challenge is
 * recorded as answered in storage ({@code WebAuthnCredentialRepository.answerOnce}).
 */
public final class Ceremonies {

  private static final String ATTRIBUTE = Ceremonies.class.getName();
  private static final int CHALLENGE_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final Duration timeout;
  private final Clock clock;

  public Ceremonies(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
  }

  public Ceremony begin(HttpSession session, Ceremony.Kind kind, RelyingParty party, String username,
      boolean userVerificationRequired) {
    byte[] challenge = new byte[CHALLENGE_BYTES];
    random.nextBytes(challenge);
    Ceremony ceremony = new Ceremony(kind, challenge, party, username, userVerificationRequired,
        clock.instant().plus(timeout));
    session.setAttribute(ATTRIBUTE, ceremony);
    return ceremony;
  }

  /** The session's ceremony of {@code kind}, removed; empty when there is none or it timed out. */
  public Optional<Ceremony> take(HttpSession session, Ceremony.Kind kind) {
    Object stored = session.getAttribute(ATTRIBUTE);
    session.removeAttribute(ATTRIBUTE);
    return stored instanceof Ceremony ceremony && ceremony.kind() == kind
        && clock.instant().isBefore(ceremony.expiresAt()) ? Optional.of(ceremony) : Optional.empty();
  }
}
