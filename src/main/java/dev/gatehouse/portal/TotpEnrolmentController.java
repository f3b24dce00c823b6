package dev.gatehouse.portal;

import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.notifier.AccountEvent;
import dev.gatehouse.totp.OtpAuthUri;
import dev.gatehouse.totp.QrCodes;
import dev.gatehouse.totp.TotpDevices;
import dev.gatehouse.totp.TotpEnrolmentPolicy;
import dev.gatehouse.totp.TotpParameters;
import dev.gatehouse.totp.TotpSecrets;
import dev.gatehouse.totp.TotpVerification;
import dev.gatehouse.totp.TotpVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Adding, replacing and removing a TOTP device: first the one-time code sent by the notifier,
 * then the QR code and secret, then a current code from the new device to confirm it.
 */
@Controller
public class TotpEnrolmentController {

  static final String ENROL_PAGE = "/totp/enrol";
  private static final IdentityStep.Change CHANGE = new IdentityStep.Change("add or change a TOTP device",
      "set up an authenticator app", ENROL_PAGE);
  private static final String PENDING_DEVICE = TotpEnrolmentController.class.getName() + ".pendingDevice";

  private final UserDirectory users;
  private final TotpDevices devices;
  private final TotpVerifier verifier;
  private final TotpEnrolmentPolicy policy;
  private final IdentityVerification verification;
  private final IdentityStep identityStep;
  private final SessionFactors factors;

  public TotpEnrolmentController(UserDirectory users, TotpDevices devices, TotpVerifier verifier,
      TotpEnrolmentPolicy policy, IdentityVerification verification, IdentityStep identityStep,
      SessionFactors factors) {
    this.users = users;
    this.devices = devices;
    this.verifier = verifier;
    this.policy = policy;
    this.verification = verification;
    this.identityStep = identityStep;
    this.factors = factors;
  }

  @GetMapping(ENROL_PAGE)
  String page(Principal principal, HttpServletRequest request, HttpSession session,
      @RequestParam(required = false) String error, @RequestParam(required = false) String resend, Model model) {
    User user = users.find(principal.getName()).orElseThrow();
    model.addAttribute("error", CodeErrors.describe(error));
    model.addAttribute("hasDevice", devices.has(user.username()));
    if (!verification.isElevated(session)) {
      return identityStep.show(user, CHANGE, resend != null, request, session, model);
    }
    PendingDevice pending = session.getAttribute(PENDING_DEVICE) instanceof PendingDevice existing
        ? existing : newPendingDevice(session);
    String uri = OtpAuthUri.build(policy.issuer(), user.username(), pending.secret(), pending.parameters());
    model.addAttribute("qrCode", QrCodes.pngDataUri(uri));
    model.addAttribute("otpauthUri", uri);
    model.addAttribute("secret", TotpSecrets.encode(pending.secret()).replaceAll("(.{4})(?!$)", "$1 "));
    model.addAttribute("digits", pending.parameters().digits());
    return "totp-enrol-device";
  }

  @PostMapping(ENROL_PAGE + IdentityStep.CONFIRM)
  String confirmIdentity(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String code) {
    return verification.confirm(session, principal.getName(), code)
        ? "redirect:" + ENROL_PAGE : "redirect:" + ENROL_PAGE + "?error=code";
  }

  @PostMapping(ENROL_PAGE + "/device")
  String confirmDevice(Principal principal, HttpSession session, @RequestParam(defaultValue = "") String code,
      HttpServletRequest request, HttpServletResponse response) {
    if (!verification.isElevated(session) || !(session.getAttribute(PENDING_DEVICE) instanceof PendingDevice pending)) {
      return "redirect:" + ENROL_PAGE;
    }
    TotpVerification result = verifier.verify(principal.getName(), pending.secret(), pending.parameters(),
        code.strip());
    if (result != TotpVerification.ACCEPTED) {
      return "redirect:" + ENROL_PAGE + "?error=" + (result == TotpVerification.REPLAYED ? "replayed" : "code");
    }
    devices.save(principal.getName(), policy.issuer(), pending.parameters(), pending.secret());
    session.removeAttribute(PENDING_DEVICE);
    verification.end(session);
    identityStep.tell(principal.getName(), AccountEvent.TOTP_DEVICE_ADDED, request);
    // A current code from the new device is the second factor of this very login.
    factors.addTotp(request, response);
    return "redirect:" + factors.continueUrl(request, response);
  }

  @PostMapping("/totp/remove")
  String remove(Principal principal, HttpSession session, HttpServletRequest request) {
    if (!verification.isElevated(session)) {
      return "redirect:" + ENROL_PAGE;
    }
    devices.remove(principal.getName());
    session.removeAttribute(PENDING_DEVICE);
    verification.end(session);
    identityStep.tell(principal.getName(), AccountEvent.TOTP_DEVICE_REMOVED, request);
    return "redirect:/?removed";
  }

  private PendingDevice newPendingDevice(HttpSession session) {
    PendingDevice pending = new PendingDevice(policy.newSecret(), policy.defaults());
    session.setAttribute(PENDING_DEVICE, pending);
    return pending;
  }

  private record PendingDevice(byte[] secret, TotpParameters parameters) {
  }
}
