package dev.gatehouse.portal;

import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.notifier.AccountEvent;
import dev.gatehouse.notifier.NotificationException;
import dev.gatehouse.notifier.NotificationTemplates;
import dev.gatehouse.notifier.Notifier;
import dev.gatehouse.notifier.Recipient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;

/**
 * The pages around a change to the user's second factors, shared by the authenticator app and the
 * security keys: the "confirm it is you" step that sends the emailed code (once, or again when
 * asked), and the message telling the user of the change afterwards.
 */
public class IdentityStep {

  static final String PAGE = "identity";
  /** Where, under the page of a change, its code is posted. */
  static final String CONFIRM = "/identity";
  private static final Logger log = LoggerFactory.getLogger(IdentityStep.class);

  private final UserDirectory users;
  private final IdentityVerification verification;
  private final Notifier notifier;

  public IdentityStep(UserDirectory users, IdentityVerification verification, Notifier notifier) {
    this.users = users;
    this.verification = verification;
    this.notifier = notifier;
  }

  /** The step's page for {@code change}; a code is sent unless one sent earlier is still usable. */
  public String show(User user, Change change, boolean resend, HttpServletRequest request, HttpSession session,
      Model model) {
    model.addAttribute("email", maskedEmail(user.email()));
    model.addAttribute("change", change);
    if (user.email() == null) {
      return PAGE;
    }
    if (resend || !verification.hasPendingCode(session, user)) {
      try {
        verification.sendCode(session, user, change.purpose(), request.getRemoteAddr());
      } catch (NotificationException e) {
        log.warn("Could not send the one-time code to user '{}': {}", user.username(), e.getMessage());
        model.addAttribute("error", CodeErrors.describe("mail"));
        model.addAttribute("sendFailed", true);
      }
    }
    return PAGE;
  }

  /** Tells the user of a change to their account, by mail, if they have an address. */
  public void tell(String username, AccountEvent event, HttpServletRequest request) {
    users.find(username).filter(user -> user.email() != null).ifPresent(user -> {
      try {
        notifier.send(new Recipient(user.displayName(), user.email()),
            NotificationTemplates.event(user.displayName(), event, request.getRemoteAddr()));
      } catch (NotificationException e) {
        log.warn("Could not tell user '{}' about {}: {}", username, event, e.getMessage());
      }
    });
  }

  /** Enough of the address for the user to recognise it, not enough to harvest it. */
  static String maskedEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at <= 1 ? email : email.charAt(0) + "…" + email.substring(at);
  }

  /**
   * What the code is asked for: the words of the mail and the page, where the code is posted, and
   * the page to come back to for a new code.
   */
  public record Change(String purpose, String goal, String page) {

    public String confirmAction() {
      return page + CONFIRM;
    }
  }
}
