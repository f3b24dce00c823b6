package dev.gatehouse.portal;

import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.oidc.claims.ClaimsRelease;
import dev.gatehouse.oidc.clients.ClientPolicy;
import dev.gatehouse.oidc.consent.ClientConsent;
import dev.gatehouse.oidc.consent.ConsentForm;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent page SAS redirects to when a client needs the user's approval. Its form posts the
 * answer straight back to the authorization endpoint, which SAS serves, with the session's CSRF
 * token like every portal form (the authorization server's chain requires it of that answer
 * alone), besides the {@code state} SAS generated for this very request.
 */
@Controller
class ConsentController {

  private final RegisteredClientRepository clients;
  private final UserDirectory users;

  ConsentController(RegisteredClientRepository clients, UserDirectory users) {
    this.clients = clients;
    this.users = users;
  }

  @GetMapping(ConsentForm.PAGE)
  String consent(@RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
      @RequestParam(OAuth2ParameterNames.SCOPE) String scope,
      @RequestParam(OAuth2ParameterNames.STATE) String state,
      Principal user, Model model, HttpServletResponse response) {
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "Unknown client", null));
      return "authorization-error";
    }
    ClientConsent consent = ClientConsent.of(client);
    model.addAttribute("clientId", client.getClientId());
    model.addAttribute("clientName", client.getClientName());
    model.addAttribute("username", user.getName());
    model.addAttribute("state", state);
    ClaimsRelease release = ClientPolicy.of(client).claims();
    Optional<User> signedIn = users.find(user.getName());
    model.addAttribute("scopes", ScopeDescriptions.describe(Arrays.asList(StringUtils.tokenizeToStringArray(scope, " ")),
        named -> signedIn.map(found -> release.claimsOf(named, found)).orElse(List.of())));
    model.addAttribute("rememberFor", consent.mayRemember() ? DurationWords.of(consent.rememberFor()) : null);
    return "consent";
  }
}
