package dev.gatehouse.portal;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.regulation.AuthenticationKind;
import dev.gatehouse.regulation.ClientAddress;
import dev.gatehouse.regulation.Regulator;
import dev.gatehouse.signin.AuthenticationMethods;
import dev.gatehouse.signin.SignInPages;
import dev.gatehouse.totp.TotpDevice;
import dev.gatehouse.totp.TotpDevices;
import dev.gatehouse.totp.TotpVerification;
import dev.gatehouse.totp.TotpVerifier;
import dev.gatehouse.webauthn.RelyingParty;
import dev.gatehouse.webauthn.WebAuthnSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in step after the first factor: the way to the page of the factor still missing, and the
 * TOTP page, a code from the user's device under regulation.
 */
@Controller
public class SecondFactorController {

  private final TotpDevices devices;
  private final TotpVerifier verifier;
  private final SessionFactors factors;
  private final Regulator regulator;
  private final WebAuthnSignIn keys;
  private final SecondFactorChoice choice;

  public SecondFactorController(TotpDevices devices, TotpVerifier verifier, SessionFactors factors,
      Regulator regulator, WebAuthnSignIn keys, Configuration configuration) {
    this.devices = devices;
    this.verifier = verifier;
    this.factors = factors;
    this.regulator = regulator;
    this.keys = keys;
    this.choice = SecondFactorChoice.of(configuration);
  }

  /** After a passkey, the password; after the password, the code or key the user holds. */
  @GetMapping(SignInPages.SECOND_FACTOR)
  String next(Authentication signedIn, HttpServletRequest request) {
    if (!AuthenticationMethods.hasPassword(signedIn.getAuthorities())) {
      return "redirect:" + SignInPages.PASSWORD;
    }
    String username = signedIn.getName();
    return "redirect:" + choice.pageFor(devices.has(username), keys.hasKeys(username, RelyingParty.of(request)));
  }

  @GetMapping(SignInPages.TOTP)
  String page(Principal principal, @RequestParam(required = false) String error, HttpServletRequest request,
      Model model) {
    if (!choice.totpEnabled() || !devices.has(principal.getName())) {
      return "redirect:" + SignInPages.SECOND_FACTOR;
    }
    model.addAttribute("error", CodeErrors.describe(error));
    model.addAttribute("hasKeys", keys.hasKeys(principal.getName(), RelyingParty.of(request)));
    return "totp";
  }

  @PostMapping(SignInPages.TOTP)
  String verify(Principal principal, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
      HttpServletResponse response) {
    Optional<TotpDevice> device = devices.find(principal.getName()).filter(found -> choice.totpEnabled());
    if (device.isEmpty()) {
      return "redirect:" + SignInPages.SECOND_FACTOR;
    }
    // While banned, no code is even checked (so none is used up), and the answer is that of a wrong one.
    Regulator.Attempt attempt = regulator.begin(principal.getName(), ClientAddress.of(request.getRemoteAddr()),
        AuthenticationKind.TOTP);
    TotpVerification result = attempt.banned() ? TotpVerification.INVALID
        : verifier.verify(principal.getName(), device.get().secret(), device.get().parameters(), code.strip());
    attempt.conclude(result == TotpVerification.ACCEPTED);
    return switch (result) {
      case ACCEPTED -> {
        devices.recordUse(principal.getName());
        factors.addTotp(request, response);
        yield "redirect:" + factors.continueUrl(request, response);
      }
      case REPLAYED -> "redirect:" + SignInPages.TOTP + "?error=replayed";
      case INVALID -> "redirect:" + SignInPages.TOTP + "?error=invalid";
    };
  }
}
