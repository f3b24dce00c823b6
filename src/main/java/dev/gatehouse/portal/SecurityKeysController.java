package dev.gatehouse.portal;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.notifier.AccountEvent;
import dev.gatehouse.storage.WebAuthnCredentialRepository;
import dev.gatehouse.storage.WebAuthnCredentialRow;
import dev.gatehouse.webauthn.RegistrationOutcome;
import dev.gatehouse.webauthn.RelyingParty;
import dev.gatehouse.webauthn.WebAuthnRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user's security keys and passkeys: after the emailed code (as for an authenticator app),
 * the list of them, each renamed or removed there, and the form adding one under a name. A key
 * added while signing in is that sign-in's second factor, as a new app's first code is.
 */
@Controller
public class SecurityKeysController {

  static final String PAGE = SecondFactorChoice.SECURITY_KEYS_PAGE;
  private static final IdentityStep.Change CHANGE = new IdentityStep.Change(
      "add, rename or remove a security key or passkey", "manage your security keys and passkeys", PAGE);
  private static final Logger log = LoggerFactory.getLogger(SecurityKeysController.class);
  private static final Map<String, String> ERRORS = Map.of(
      "name", "Give the key a name of 1 to " + WebAuthnCredentialRow.MAX_DESCRIPTION
          + " characters that none of your keys has.",
      "refused", "The key could not be added: it may be registered already, or of a model this site does not"
          + " accept. Try again, or use another one.");
  private static final Map<String, String> NOTICES = Map.of(
      "added", "The key was added.", "renamed", "The key was renamed.", "removed", "The key was removed.");

  private final UserDirectory users;
  private final WebAuthnRegistration registration;
  private final WebAuthnCredentialRepository credentials;
  private final IdentityVerification verification;
  private final IdentityStep identityStep;
  private final SessionFactors factors;
  private final boolean enabled;

  public SecurityKeysController(UserDirectory users, WebAuthnRegistration registration,
      WebAuthnCredentialRepository credentials, IdentityVerification verification, IdentityStep identityStep,
      SessionFactors factors, Configuration configuration) {
    this.users = users;
    this.registration = registration;
    this.credentials = credentials;
    this.verification = verification;
    this.identityStep = identityStep;
    this.factors = factors;
    this.enabled = !configuration.webAuthn().disable();
  }

  @GetMapping(PAGE)
  String page(Principal principal, HttpServletRequest request, HttpSession session,
      @RequestParam(required = false) String error, @RequestParam(required = false) String done,
      @RequestParam(required = false) String resend, Model model) {
    if (!enabled) {
      return "redirect:/";
    }
    User user = users.find(principal.getName()).orElseThrow();
    if (!verification.isElevated(session)) {
      model.addAttribute("error", CodeErrors.describe(error));
      return identityStep.show(user, CHANGE, resend != null, request, session, model);
    }
    RelyingParty party = RelyingParty.of(request);
    model.addAttribute("keys", credentials.forUser(user.username(), party.id()).stream().map(SecurityKey::of).toList());
    model.addAttribute("options", registration.begin(session, party, user.username(), user.displayName()));
    model.addAttribute("error", error == null ? null : ERRORS.getOrDefault(error, ERRORS.get("refused")));
    model.addAttribute("notice", done == null ? null : NOTICES.get(done));
    model.addAttribute("maxNameLength", WebAuthnCredentialRow.MAX_DESCRIPTION);
    return "security-keys";
  }

  @PostMapping(PAGE + IdentityStep.CONFIRM)
  String confirmIdentity(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String code) {
    return verification.confirm(session, principal.getName(), code) ? "redirect:" + PAGE
        : "redirect:" + PAGE + "?error=code";
  }

  @PostMapping(PAGE + "/add")
  String add(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String credential, HttpServletRequest request, HttpServletResponse response) {
    if (!enabled || !verification.isElevated(session)) {
      return "redirect:" + PAGE;
    }
    String description = name.strip();
    if (!WebAuthnCredentialRow.isValidDescription(description)) {
      return "redirect:" + PAGE + "?error=name";
    }
    RegistrationOutcome outcome = registration.finish(session, principal.getName(), credential, description);
    if (!(outcome instanceof RegistrationOutcome.Registered registered)) {
      log.info("Security key not added for user '{}': {}", principal.getName(),
          ((RegistrationOutcome.Refused) outcome).reason());
      return "redirect:" + PAGE + "?error=refused";
    }
    identityStep.tell(principal.getName(), AccountEvent.WEBAUTHN_CREDENTIAL_ADDED, request);
    WebAuthnCredentialRow row = registered.credential();
    factors.addWebAuthn(new SessionFactors.KeyUse(row.hardware(), true,
        registered.userVerified()), request, response);
    String next = factors.continueUrl(request, response);
    return "redirect:" + ("/".equals(next) ? PAGE + "?done=added" : next);
  }

  @PostMapping(PAGE + "/{id}/rename")
  String rename(Principal principal, HttpSession session, @PathVariable String id,
      @RequestParam(defaultValue = "") String name) {
    if (!enabled || !verification.isElevated(session)) {
      return "redirect:" + PAGE;
    }
    String description = name.strip();
    boolean renamed = WebAuthnCredentialRow.isValidDescription(description)
        && credentials.rename(principal.getName(), id, description);
    return "redirect:" + PAGE + (renamed ? "?done=renamed" : "?error=name");
  }

  @PostMapping(PAGE + "/{id}/remove")
  String remove(Principal principal, HttpSession session, @PathVariable String id, HttpServletRequest request) {
    if (!enabled || !verification.isElevated(session)) {
      return "redirect:" + PAGE;
    }
    if (credentials.remove(principal.getName(), id)) {
      identityStep.tell(principal.getName(), AccountEvent.WEBAUTHN_CREDENTIAL_REMOVED, request);
    }
    return "redirect:" + PAGE + "?done=removed";
  }

  /** A key as the list shows it. */
  record SecurityKey(String id, String name, String kind, String addedOn, String lastUsedOn, boolean cloned) {

    static SecurityKey of(WebAuthnCredentialRow row) {
      String kind = row.discoverable() ? "Passkey" : "Security key";
      return new SecurityKey(row.id(), row.description(), kind, day(row.createdAt()), day(row.lastUsedAt()),
          row.cloneWarning());
    }

    private static String day(Instant at) {
      return at == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneOffset.UTC));
    }
  }
}
