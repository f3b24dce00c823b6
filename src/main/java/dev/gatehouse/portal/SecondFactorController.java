package dev.gatehouse.portal;

import dev.gatehouse.regulation.AuthenticationKind;
import dev.gatehouse.regulation.ClientAddress;
import dev.gatehouse.regulation.Regulator;
import dev.gatehouse.signin.SignInPages;
import dev.gatehouse.totp.TotpDevice;
import dev.gatehouse.totp.TotpDevices;
import dev.gatehouse.totp.TotpVerification;
import dev.gatehouse.totp.TotpVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in step after the password: a code from the user's TOTP device, under regulation. */
@Controller
public class SecondFactorController {

  private final TotpDevices devices;
  private final TotpVerifier verifier;
  private final SessionFactors factors;
  private final Regulator regulator;

  public SecondFactorController(TotpDevices devices, TotpVerifier verifier, SessionFactors factors,
      Regulator regulator) {
    this.devices = devices;
    this.verifier = verifier;
    this.factors = factors;
    this.regulator = regulator;
  }

  @GetMapping(SignInPages.SECOND_FACTOR)
  String page(Principal principal, @RequestParam(required = false) String error, Model model) {
    if (!devices.has(principal.getName())) {
      return "redirect:" + TotpEnrolmentController.ENROL_PAGE;
    }
    model.addAttribute("error", CodeErrors.describe(error));
    return "totp";
  }

  @PostMapping(SignInPages.SECOND_FACTOR)
  String verify(Principal principal, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
      HttpServletResponse response) {
    Optional<TotpDevice> device = devices.find(principal.getName());
    if (device.isEmpty()) {
      return "redirect:" + TotpEnrolmentController.ENROL_PAGE;
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
      case REPLAYED -> "redirect:" + SignInPages.SECOND_FACTOR + "?error=replayed";
      case INVALID -> "redirect:" + SignInPages.SECOND_FACTOR + "?error=invalid";
    };
  }
}
