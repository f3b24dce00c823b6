package dev.gatehouse.portal;

import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.regulation.Regulator;
import dev.gatehouse.regulation.TimingAttackDelay;
import dev.gatehouse.signin.AuthenticationMethods;
import dev.gatehouse.signin.SignInPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The password as the second step of a passkey sign-in, as Authelia asks it: a passkey is
 * something held, so a client wanting two factors needs something known too. Checked as on the
 * login page, under the same regulation and timing.
 */
@Controller
public class PasswordStepController {

  private final PasswordAuthenticationProvider passwords;
  private final SessionFactors factors;

  public PasswordStepController(UserDirectory users, Regulator regulator, TimingAttackDelay delay, Clock clock,
      SessionFactors factors) {
    this.passwords = new PasswordAuthenticationProvider(users, regulator, delay, clock);
    this.factors = factors;
  }

  @GetMapping(SignInPages.PASSWORD)
  String page(Authentication signedIn, @RequestParam(required = false) String error, Model model) {
    if (AuthenticationMethods.hasPassword(signedIn.getAuthorities())) {
      return "redirect:" + SignInPages.SECOND_FACTOR;
    }
    model.addAttribute("username", signedIn.getName());
    model.addAttribute("failed", error != null);
    return "password";
  }

  @PostMapping(SignInPages.PASSWORD)
  String verify(Authentication signedIn, @RequestParam(defaultValue = "") String password,
      HttpServletRequest request, HttpServletResponse response) {
    if (AuthenticationMethods.hasPassword(signedIn.getAuthorities())) {
      return "redirect:" + SignInPages.SECOND_FACTOR;
    }
    UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
        signedIn.getName(), password);
    attempt.setDetails(new WebAuthenticationDetails(request));
    try {
      passwords.authenticate(attempt);
    } catch (AuthenticationException refused) {
      return "redirect:" + SignInPages.PASSWORD + "?error";
    }
    factors.addPassword(request, response);
    return "redirect:" + factors.continueUrl(request, response);
  }
}
