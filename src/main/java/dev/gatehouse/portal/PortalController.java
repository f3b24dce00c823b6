package dev.gatehouse.portal;

import dev.gatehouse.oidc.authorize.AuthorizationResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The server-rendered portal pages; they work without JavaScript. */
@Controller
public class PortalController {

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", logout != null);
    return "login";
  }

  @GetMapping("/")
  String home(Principal principal, Model model) {
    model.addAttribute("username", principal.getName());
    return "home";
  }

  /** An authorization request that cannot be answered to the client, shown to the user instead. */
  @RequestMapping(AuthorizationResponses.ERROR_PAGE)
  String authorizationError(HttpServletRequest request, Model model) {
    Object error = request.getAttribute(AuthorizationResponses.ERROR_ATTRIBUTE);
    OAuth2Error oauthError = error instanceof OAuth2Error known ? known : new OAuth2Error("invalid_request");
    model.addAttribute("error", oauthError);
    return "authorization-error";
  }
}
