package dev.gatehouse.portal;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.WebAuthnConfig;
import dev.gatehouse.regulation.AuthenticationKind;
import dev.gatehouse.regulation.ClientAddress;
import dev.gatehouse.regulation.Regulator;
import dev.gatehouse.signin.SignInPages;
import dev.gatehouse.totp.TotpDevices;
import dev.gatehouse.webauthn.RelyingParty;
import dev.gatehouse.webauthn.SignInOutcome;
import dev.gatehouse.webauthn.WebAuthnSignIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with a security key or passkey: as the second factor after the password, and, with
 * {@code webauthn.enable_passkey_login}, as the first from the login page. Each answer is checked
 * under regulation: a refused one counts as a failed attempt of its credential's user.
 */
@Controller
public class SecurityKeyController {

  static final String KEY_PAGE = "webauthn";
  private static final Logger log = LoggerFactory.getLogger(SecurityKeyController.class);
  /** What the page says for each way an answer can fail. */
  private static final Map<String, String> ERRORS = Map.of(
      "key", "Your security key or passkey was not accepted. Try again, or use another one.",
      "cloned", "This security key or passkey reported a signature counter lower than before, so a copy of it"
          + " may exist. It was refused and stays refused: remove it and register it again.",
      "passkey", "That passkey was not accepted. Try again, or sign in with your password.");

  private final WebAuthnSignIn keys;
  private final TotpDevices devices;
  private final SessionFactors factors;
  private final Regulator regulator;
  private final AuthenticationSuccessHandler signedIn;
  private final WebAuthnConfig config;
  private final SecondFactorChoice choice;

  public SecurityKeyController(WebAuthnSignIn keys, TotpDevices devices, SessionFactors factors,
      Regulator regulator, AuthenticationSuccessHandler signedIn, Configuration configuration) {
    this.keys = keys;
    this.devices = devices;
    this.factors = factors;
    this.regulator = regulator;
    this.signedIn = signedIn;
    this.config = configuration.webAuthn();
    this.choice = SecondFactorChoice.of(configuration);
  }

  static String describe(String error) {
    return error == null ? null : ERRORS.getOrDefault(error, ERRORS.get("key"));
  }

  @GetMapping(SignInPages.SECURITY_KEY)
  String page(Principal principal, @RequestParam(required = false) String error, HttpServletRequest request,
      Model model) {
    RelyingParty party = RelyingParty.of(request);
    boolean hasKeys = keys.hasKeys(principal.getName(), party);
    if (!hasKeys && error == null) {
      return "redirect:" + SignInPages.SECOND_FACTOR;
    }
    // A key just refused as a copy is the user's last: the page still says why, with the ways left.
    if (hasKeys) {
      model.addAttribute("options", keys.beginSecondFactor(request.getSession(), party, principal.getName()));
    }
    model.addAttribute("error", describe(error));
    model.addAttribute("hasTotp", choice.totpEnabled() && devices.has(principal.getName()));
    return KEY_PAGE;
  }

  @PostMapping(SignInPages.SECURITY_KEY)
  String verify(Principal principal, @RequestParam(defaultValue = "") String credential,
      HttpServletRequest request, HttpServletResponse response) {
    // While banned, no answer is even checked, and the page says what it says of a wrong key.
    Regulator.Attempt attempt = regulator.begin(principal.getName(), ClientAddress.of(request.getRemoteAddr()),
        AuthenticationKind.WEBAUTHN);
    SignInOutcome outcome = attempt.banned() ? new SignInOutcome.Refused("the user may not try now")
        : keys.finishSecondFactor(request.getSession(), principal.getName(), credential, user -> true);
    attempt.conclude(outcome instanceof SignInOutcome.SignedIn);
    if (outcome instanceof SignInOutcome.SignedIn key) {
      factors.addWebAuthn(keyUse(key), request, response);
      return "redirect:" + factors.continueUrl(request, response);
    }
    refused(outcome, principal.getName());
    return "redirect:" + SignInPages.SECURITY_KEY + "?error=" + (outcome instanceof SignInOutcome.Cloned
        ? "cloned" : "key");
  }

  /** A passkey from the login page: the user it names is signed in, then sent on as after a password. */
  @PostMapping(SignInPages.PASSKEY)
  String passkey(@RequestParam(defaultValue = "") String credential, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    if (config.disable() || !config.enablePasskeyLogin()) {
      return "redirect:" + SignInPages.LOGIN;
    }
    String address = ClientAddress.of(request.getRemoteAddr());
    Regulated regulated = new Regulated(username -> regulator.begin(username, address, AuthenticationKind.PASSKEY));
    SignInOutcome outcome = keys.finishPasskey(request.getSession(), credential, regulated);
    regulated.conclude(outcome);
    if (!(outcome instanceof SignInOutcome.SignedIn key)) {
      refused(outcome, null);
      return "redirect:" + SignInPages.LOGIN + "?error=" + (outcome instanceof SignInOutcome.Cloned
          ? "cloned" : "passkey");
    }
    Authentication authentication = factors.signInWithPasskey(key.credential().username(), keyUse(key),
        config.enablePasskeyUvTwoFactors(), request, response);
    signedIn.onAuthenticationSuccess(request, response, authentication);
    return null;
  }

  private static SessionFactors.KeyUse keyUse(SignInOutcome.SignedIn key) {
    return new SessionFactors.KeyUse(key.credential().hardware(), key.userPresent(),
        key.userVerified());
  }

  private static void refused(SignInOutcome outcome, String username) {
    if (outcome instanceof SignInOutcome.Refused refused) {
      log.info("Security key or passkey answer refused{}: {}", username == null ? "" : " for user '" + username + "'",
          refused.reason());
    }
  }

  /**
   * Regulation for a passkey, whose user is known only once its credential is found: the attempt
   * begins then, and a ban stops the signature from being checked at all.
   */
  private static final class Regulated implements Predicate<String> {

    private final Function<String, Regulator.Attempt> begin;
    private Regulator.Attempt attempt;

    Regulated(Function<String, Regulator.Attempt> begin) {
      this.begin = begin;
    }

    @Override
    public boolean test(String username) {
      attempt = begin.apply(username);
      return !attempt.banned();
    }

    void conclude(SignInOutcome outcome) {
      if (attempt != null) {
        attempt.conclude(outcome instanceof SignInOutcome.SignedIn);
      }
    }
  }
}
