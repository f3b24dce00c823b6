package dev.gatehouse.webauthn;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.storage.WebAuthnCredentialRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** WebAuthn wiring: credentials in storage, ceremonies in the session, registration and sign-in. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class WebAuthnWiring {

  @Bean
  WebAuthnCredentialRepository webAuthnCredentialRepository(JdbcTemplate jdbc) {
    return new WebAuthnCredentialRepository(jdbc);
  }

  @Bean
  Ceremonies webAuthnCeremonies(Configuration configuration, Clock clock) {
    return new Ceremonies(configuration.webAuthn().timeout(), clock);
  }

  @Bean
  WebAuthnRegistration webAuthnRegistration(Configuration configuration, Ceremonies ceremonies,
      WebAuthnCredentialRepository credentials, Clock clock) {
    return new WebAuthnRegistration(configuration.webAuthn(), ceremonies, new CeremonyChecks(), credentials, clock);
  }

  @Bean
  WebAuthnSignIn webAuthnSignIn(Configuration configuration, Ceremonies ceremonies,
      WebAuthnCredentialRepository credentials, Clock clock) {
    return new WebAuthnSignIn(configuration.webAuthn(), ceremonies, new CeremonyChecks(), credentials, clock);
  }
}
