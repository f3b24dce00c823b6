package dev.gatehouse.portal;

import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.identity.User;
import dev.gatehouse.notifier.Message;
import dev.gatehouse.notifier.NotificationException;
import dev.gatehouse.notifier.NotificationTemplates;
import dev.gatehouse.notifier.Notifier;
import dev.gatehouse.notifier.OneTimeCodes;
import dev.gatehouse.notifier.Recipient;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;

/**
 * Proves that the person at the keyboard also reads the user's mail before a TOTP device is
 * added or removed (Authelia's elevated session): a one-time code sent by the notifier, kept in
 * the session only as a digest, good for a few tries and a few minutes.
 */
public class IdentityVerification {

  static final int MAX_FAILURES = 5;
  private static final String PENDING = IdentityVerification.class.getName() + ".pending";
  private static final String ELEVATED_UNTIL = IdentityVerification.class.getName() + ".elevatedUntil";

  private final Notifier notifier;
  private final Clock clock;

  public IdentityVerification(Notifier notifier, Clock clock) {
    this.notifier = notifier;
    this.clock = clock;
  }

  public boolean hasPendingCode(HttpSession session) {
    return session.getAttribute(PENDING) instanceof PendingCode pending && pending.isUsable(clock.instant());
  }

  public void sendCode(HttpSession session, User user, String action, String remoteAddress)
      throws NotificationException {
    String code = OneTimeCodes.generate();
    Message message = NotificationTemplates.oneTimeCode(user.displayName(), action, code,
        OneTimeCodes.CODE_LIFESPAN, remoteAddress);
    notifier.send(new Recipient(user.displayName(), user.email()), message);
    session.setAttribute(PENDING, new PendingCode(Sha256.of(code), clock.instant().plus(OneTimeCodes.CODE_LIFESPAN), 0));
  }

  /** Checks a typed code; a right one elevates the session for a while, a wrong one uses up a try. */
  public boolean confirm(HttpSession session, String typed) {
    if (!(session.getAttribute(PENDING) instanceof PendingCode pending) || !pending.isUsable(clock.instant())) {
      return false;
    }
    if (!MessageDigest.isEqual(pending.codeDigest(), Sha256.of(OneTimeCodes.normalise(typed)))) {
      session.setAttribute(PENDING, pending.failedOnce());
      return false;
    }
    session.removeAttribute(PENDING);
    session.setAttribute(ELEVATED_UNTIL, clock.instant().plus(OneTimeCodes.ELEVATION_LIFESPAN));
    return true;
  }

  public boolean isElevated(HttpSession session) {
    return session.getAttribute(ELEVATED_UNTIL) instanceof Instant until && clock.instant().isBefore(until);
  }

  public void end(HttpSession session) {
    session.removeAttribute(PENDING);
    session.removeAttribute(ELEVATED_UNTIL);
  }


  private record PendingCode(byte[] codeDigest, Instant expiresAt, int failures) implements Serializable {
    boolean isUsable(Instant now) {
      return failures < MAX_FAILURES && now.isBefore(expiresAt);
    }

    PendingCode failedOnce() {
      return new PendingCode(codeDigest, expiresAt, failures + 1);
    }
  }
}
