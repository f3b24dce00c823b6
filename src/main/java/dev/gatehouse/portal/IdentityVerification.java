package dev.gatehouse.portal;

import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.identity.User;
import dev.gatehouse.notifier.Message;
import dev.gatehouse.notifier.NotificationException;
import dev.gatehouse.notifier.NotificationTemplates;
import dev.gatehouse.notifier.Notifier;
import dev.gatehouse.notifier.OneTimeCodes;
import dev.gatehouse.notifier.Recipient;
import dev.gatehouse.storage.OneTimeCodeStore;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Proves that the person at the keyboard also reads the user's mail before a TOTP device is
 * added or removed (Authelia's elevated session): a one-time code sent by the notifier, kept in
 * storage only as a digest, good for a few tries and a few minutes. The session holds only which
 * code it is waiting for; tries and use are counted in storage, where parallel requests cannot
 * both pass a limit.
 */
public class IdentityVerification {

  static final int MAX_ATTEMPTS = 5;
  private static final String PENDING = IdentityVerification.class.getName() + ".pending";
  private static final String ELEVATED_UNTIL = IdentityVerification.class.getName() + ".elevatedUntil";

  private final Notifier notifier;
  private final OneTimeCodeStore codes;
  private final Clock clock;

  public IdentityVerification(Notifier notifier, OneTimeCodeStore codes, Clock clock) {
    this.notifier = notifier;
    this.codes = codes;
    this.clock = clock;
  }

  public boolean hasPendingCode(HttpSession session, User user) {
    return session.getAttribute(PENDING) instanceof String id
        && codes.isUsable(id, user.username(), MAX_ATTEMPTS, clock.instant());
  }

  public void sendCode(HttpSession session, User user, String action, String remoteAddress)
      throws NotificationException {
    String code = OneTimeCodes.generate();
    Message message = NotificationTemplates.oneTimeCode(user.displayName(), action, code,
        OneTimeCodes.CODE_LIFESPAN, remoteAddress);
    notifier.send(new Recipient(user.displayName(), user.email()), message);
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    codes.issue(id, user.username(), Sha256.hexOf(code), now, now.plus(OneTimeCodes.CODE_LIFESPAN));
    session.setAttribute(PENDING, id);
  }

  /** Checks a typed code; a right one elevates the session for a while, a wrong one uses up a try. */
  public boolean confirm(HttpSession session, String username, String typed) {
    if (!(session.getAttribute(PENDING) instanceof String id)) {
      return false;
    }
    Instant now = clock.instant();
    boolean right = codes.reserveAttempt(id, username, MAX_ATTEMPTS, now)
        .map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
            Sha256.hexOf(OneTimeCodes.normalise(typed)).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
    if (!right || !codes.consume(id, now)) {
      return false;
    }
    session.removeAttribute(PENDING);
    session.setAttribute(ELEVATED_UNTIL, now.plus(OneTimeCodes.ELEVATION_LIFESPAN));
    return true;
  }

  public boolean isElevated(HttpSession session) {
    return session.getAttribute(ELEVATED_UNTIL) instanceof Instant until && clock.instant().isBefore(until);
  }

  public void end(HttpSession session) {
    session.removeAttribute(PENDING);
    session.removeAttribute(ELEVATED_UNTIL);
  }
}
