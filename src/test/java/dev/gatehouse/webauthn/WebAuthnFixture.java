package dev.gatehouse.webauthn;

import dev.gatehouse.config.schema.WebAuthnConfig;
import dev.gatehouse.storage.WebAuthnCredentialRepository;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A party, a clock, settings and fresh migrated storage for the WebAuthn ceremonies' tests. */
final class WebAuthnFixture {

  static final RelyingParty PARTY = new RelyingParty("auth.example.com", "https://auth.example.com");

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
  final WebAuthnCredentialRepository credentials;

  WebAuthnFixture() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:webauthn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
    credentials = new WebAuthnCredentialRepository(new JdbcTemplate(dataSource));
  }

  /** Authelia's defaults, with user verification as given and the models given prohibited. */
  static WebAuthnConfig settings(WebAuthnConfig.Requirement userVerification, List<UUID> prohibitedModels) {
    return new WebAuthnConfig(false, true, false, false, "Gatehouse", WebAuthnConfig.ConveyancePreference.INDIRECT,
        Duration.ofSeconds(60),
        new WebAuthnConfig.SelectionCriteria(null, WebAuthnConfig.Requirement.PREFERRED, userVerification),
        new WebAuthnConfig.Filtering(false, List.of(), prohibitedModels));
  }

  WebAuthnRegistration registration(WebAuthnConfig settings) {
    return new WebAuthnRegistration(settings, new Ceremonies(settings.timeout(), clock), new CeremonyChecks(),
        credentials, clock);
  }

  WebAuthnSignIn signIn(WebAuthnConfig settings) {
    return new WebAuthnSignIn(settings, new Ceremonies(settings.timeout(), clock), new CeremonyChecks(), credentials,
        clock);
  }
}
