package dev.gatehouse.oidc.consent;

import dev.gatehouse.config.schema.ConsentMode;
import dev.gatehouse.config.schema.OidcClientConfig;
import java.time.Duration;
import java.util.Objects;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * How a client asks for consent, carried in its {@link ClientSettings} so that everything holding
 * a {@link RegisteredClient} can read it. Clients live in memory, so the setting is never
 * serialized.
 *
 * @param rememberFor how long a remembered consent lasts; used only by pre-configured clients
 */
public record ClientConsent(ConsentMode mode, Duration rememberFor) {

  private static final String SETTING = "gatehouse.consent";

  public static ClientConsent configuredFor(OidcClientConfig client) {
    return new ClientConsent(client.consentMode(), client.preConfiguredConsentDuration());
  }

  public static ClientConsent of(RegisteredClient client) {
    ClientConsent consent = client.getClientSettings().getSetting(SETTING);
    return Objects.requireNonNull(consent, () -> "client " + client.getClientId() + " has no consent setting");
  }

  /**
   * Records this on {@code settings}. SAS's own flag is set too, for what reads it rather than
   * {@link ConsentRequirement}; an implicit client may still be asked, on {@code prompt=consent}.
   */
  public ClientSettings.Builder writeTo(ClientSettings.Builder settings) {
    return settings.requireAuthorizationConsent(mode != ConsentMode.IMPLICIT).setting(SETTING, this);
  }

  public boolean mayRemember() {
    return mode == ConsentMode.PRE_CONFIGURED;
  }
}
