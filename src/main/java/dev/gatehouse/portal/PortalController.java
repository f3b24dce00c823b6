package dev.gatehouse.portal;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.oidc.authorize.AuthorizationResponses;
import dev.gatehouse.oidc.logout.EndSessionResponses;
import dev.gatehouse.signin.SignInPages;
import dev.gatehouse.totp.TotpDevices;
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
  private final boolean rememberMeOffered;

  public PortalController(TotpDevices devices, Configuration configuration) {
    this.devices = devices;
    this.rememberMeOffered = configuration.session().rememberMeOffered();
  }

  @GetMapping(SignInPages.LOGIN)
  String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("loginHint", session.getAttribute(SignInPages.LOGIN_HINT));
    model.addAttribute("rememberMeOffered", rememberMeOffered);
    return "login";
  }

  @GetMapping("/")
  String home(Principal principal, @RequestParam(required = false) String removed, Model model) {
    model.addAttribute("username", principal.getName());
    model.addAttribute("removed", removed != null);
    model.addAttribute("deviceSince", devices.find(principal.getName())
        .map(device -> DateTimeFormatter.ISO_LOCAL_DATE.format(device.createdAt().atZone(ZoneOffset.UTC)))
        .orElse(null));
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
