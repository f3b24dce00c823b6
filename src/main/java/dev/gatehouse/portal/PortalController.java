package dev.gatehouse.portal;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.oidc.authorize.AuthorizationResponses;
import dev.gatehouse.oidc.logout.EndSessionResponses;
import dev.gatehouse.signin.SignInPages;
import dev.gatehouse.storage.WebAuthnCredentialRepository;
import dev.gatehouse.totp.TotpDevices;
import dev.gatehouse.webauthn.RelyingParty;
import dev.gatehouse.webauthn.WebAuthnSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The server-rendered portal pages; they work without JavaScript. */
@Controller
public class PortalController {

  private final TotpDevices devices;
  private final WebAuthnSignIn keys;
  private final WebAuthnCredentialRepository credentials;
  private final boolean rememberMeOffered;
  private final boolean passkeyLogin;
  private final boolean webAuthnEnabled;

  public PortalController(TotpDevices devices, WebAuthnSignIn keys, WebAuthnCredentialRepository credentials,
      Configuration configuration) {
    this.devices = devices;
    this.keys = keys;
    this.credentials = credentials;
    this.rememberMeOffered = configuration.session().rememberMeOffered();
    this.webAuthnEnabled = !configuration.webAuthn().disable();
    this.passkeyLogin = webAuthnEnabled && configuration.webAuthn().enablePasskeyLogin();
  }

  /** The password form, and with {@code enable_passkey_login} the passkey button and the browser's passkey list. */
  @GetMapping(SignInPages.LOGIN)
  String login(@RequestParam(required = false) String error, HttpServletRequest request, HttpSession session,
      Model model) {
    boolean passkeyRefused = "passkey".equals(error) || "cloned".equals(error);
    model.addAttribute("failed", error != null && !passkeyRefused);
    model.addAttribute("passkeyError", passkeyRefused ? SecurityKeyController.describe(error) : null);
    model.addAttribute("loginHint", session.getAttribute(SignInPages.LOGIN_HINT));
    model.addAttribute("rememberMeOffered", rememberMeOffered);
    if (passkeyLogin) {
      model.addAttribute("passkeyOptions", keys.beginPasskey(session, RelyingParty.of(request)));
    }
    return "login";
  }

  @GetMapping("/")
  String home(Principal principal, @RequestParam(required = false) String removed, HttpServletRequest request,
      Model model) {
    model.addAttribute("username", principal.getName());
    model.addAttribute("removed", removed != null);
    model.addAttribute("deviceSince", devices.find(principal.getName())
        .map(device -> DateTimeFormatter.ISO_LOCAL_DATE.format(device.createdAt().atZone(ZoneOffset.UTC)))
        .orElse(null));
    model.addAttribute("webAuthnEnabled", webAuthnEnabled);
    model.addAttribute("keyCount", webAuthnEnabled
        ? credentials.forUser(principal.getName(), RelyingParty.of(request).id()).size() : 0);
    return "home";
  }

  /** An authorization request that cannot be answered to the client, shown to the user instead. */
  @RequestMapping(AuthorizationResponses.ERROR_PAGE)
  String authorizationError(HttpServletRequest request, Model model) {
    model.addAttribute("error", errorAt(request, AuthorizationResponses.ERROR_ATTRIBUTE));
    return "authorization-error";
  }

  /** Where every sign-out ends, unless the application that asked for it takes the user back. */
  @RequestMapping(AuthorizationResponses.DENIED_PAGE)
  String denied(HttpServletRequest request, Model model) {
    Object denial = request.getAttribute(AuthorizationResponses.DENIAL_ATTRIBUTE);
    if (denial == null) {
      return "redirect:/";
    }
    model.addAttribute("denial", denial);
    return "denied";
  }

  @GetMapping(EndSessionResponses.SIGNED_OUT_PAGE)
  String signedOut() {
    return "signed-out";
  }

  /** A logout request that was refused, so the user is still signed in. */
  @RequestMapping(EndSessionResponses.ERROR_PAGE)
  String logoutError(HttpServletRequest request, Model model) {
    model.addAttribute("error", errorAt(request, EndSessionResponses.ERROR_ATTRIBUTE));
    return "logout-error";
  }

  private static OAuth2Error errorAt(HttpServletRequest request, String attribute) {
    return request.getAttribute(attribute) instanceof OAuth2Error error ? error : new OAuth2Error("invalid_request");
  }
}
