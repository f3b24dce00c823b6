package dev.gatehouse.oidc.consent;

import dev.gatehouse.storage.ConsentRepository;
import dev.gatehouse.storage.ConsentRow;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembered consents, in the database. Only a pre-configured client's consent whose user ticked
 * "remember" is kept, and only until it expires; every other consent SAS saves is forgotten at
 * once, so that the next authorization asks again.
 */
@Transactional
public class DatabaseConsentService implements OAuth2AuthorizationConsentService {

  private final ConsentRepository repository;
  private final RegisteredClientRepository clients;
  private final Clock clock;

  public DatabaseConsentService(ConsentRepository repository, RegisteredClientRepository clients, Clock clock) {
    this.repository = repository;
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public void save(OAuth2AuthorizationConsent consent) {
    ClientConsent rules = ClientConsent.of(clients.findById(consent.getRegisteredClientId()));
    if (!rules.mayRemember() || !ConsentForm.rememberTicked()) {
      return;
    }
    Instant now = clock.instant();
    repository.save(new ConsentRow(consent.getRegisteredClientId(), consent.getPrincipalName(),
        String.join(" ", ConsentTerms.withScopes(consent)), now, now.plus(rules.rememberFor())));
  }

  @Override
  public void remove(OAuth2AuthorizationConsent consent) {
    repository.delete(consent.getRegisteredClientId(), consent.getPrincipalName());
  }

  @Override
  @Transactional(readOnly = true)
  public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
    return repository.findValid(registeredClientId, principalName, clock.instant())
        .map(DatabaseConsentService::toConsent)
        .orElse(null);
  }

  private static OAuth2AuthorizationConsent toConsent(ConsentRow row) {
    OAuth2AuthorizationConsent.Builder consent =
        OAuth2AuthorizationConsent.withId(row.registeredClientId(), row.principalName());
    for (String stored : row.scopes().split(" ")) {
      if (ConsentTerms.isTerm(stored)) {
        consent.authority(ConsentTerms.authority(stored));
      } else {
        consent.scope(stored);
      }
    }
    return consent.build();
  }
}
