package dev.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.Race;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What storage consumes once, consumed once by concurrent writers, each on its own connection as
 * requests on one or several Gatehouse instances are: a grant version, a one-time code, a TOTP
 * step, and the upserts of a remembered consent and a TOTP device. On each engine, without Spring.
 */
abstract class SingleUseStorageContract {

  static final int RACERS = 16;
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  JdbcTemplate jdbc;

  abstract DataSource dataSource();

  abstract StorageEngine engine();

  @BeforeEach
  void migrate() {
    Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration/" + engine().name().toLowerCase())
        .load().migrate();
    jdbc = new JdbcTemplate(dataSource());
  }

  @Test
  void oneVersionOfAGrantIsReplacedByOneSaveOnly() throws Exception {
    AuthorizationRepository grants = new AuthorizationRepository(jdbc);
    AuthorizationRow issued = grant(UUID.randomUUID().toString());
    grants.insert(issued);

    List<String> outcomes = Race.of(RACERS, () -> {
      AuthorizationRow redeemed = grant(issued.getId());
      redeemed.setAccessTokenHash(UUID.randomUUID().toString().replace("-", "").repeat(2));
      redeemed.setVersion(1);
      try {
        grants.update(redeemed);
        return "saved";
      } catch (GrantConflictException lost) {
        return "conflict";
      }
    });

    assertThat(outcomes).containsOnlyOnce("saved").containsOnly("saved", "conflict");
    assertThat(grants.findById(issued.getId()).orElseThrow().getVersion()).isOne();
  }

  @Test
  void aOneTimeCodeIsTriedAtMostItsAttemptsAndUsedOnce() throws Exception {
    OneTimeCodeStore codes = new OneTimeCodeStore(jdbc);
    String id = UUID.randomUUID().toString();
    codes.issue(id, "john", "c".repeat(64), NOW, NOW.plusSeconds(300));

    List<Optional<String>> tries = Race.of(RACERS, () -> codes.reserveAttempt(id, "john", 5, NOW));
    assertThat(tries).filteredOn(Optional::isPresent).hasSize(5);

    String other = UUID.randomUUID().toString();
    codes.issue(other, "john", "c".repeat(64), NOW, NOW.plusSeconds(300));
    assertThat(Race.of(RACERS, () -> codes.consume(other, NOW))).containsOnlyOnce(true);
    assertThat(codes.reserveAttempt(other, "john", 5, NOW)).as("a used code cannot be tried").isEmpty();
  }

  /** Instances starting together on an empty database: one key is stored, and every one of them signs with it. */
  @Test
  void theFirstSigningKeyIsStoredOnceWhenInstancesStartTogether() throws Exception {
    jdbc.update("delete from oidc_signing_key");
    SigningKeyRepository keys = new SigningKeyRepository(jdbc, engine());

    List<String> firstKeyIds = Race.of(RACERS, () -> keys.findOrInsertFirst(() ->
        new SigningKeyRow(UUID.randomUUID().toString(), "RS256", "encrypted", NOW)).get(0).keyId());

    assertThat(firstKeyIds).hasSize(RACERS).containsOnly(firstKeyIds.get(0));
    assertThat(keys.findAllOldestFirst()).hasSize(1);
  }

  @Test
  void aTotpStepIsAcceptedOnce() throws Exception {
    TotpHistoryStore history = new TotpHistoryStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    long step = NOW.getEpochSecond() / 30 * 30 + Math.abs(UUID.randomUUID().hashCode() % 1000) * 30L;
    assertThat(Race.of(RACERS, () -> history.recordFirstUse("john", step))).containsOnlyOnce(true);
  }

  @Test
  void consentsRememberedAtOnceForOneClientAndUserAllSucceedAndOneIsKept() throws Exception {
    ConsentRepository consents = new ConsentRepository(jdbc, engine());
    for (int round = 0; round < 10; round++) {
      consents.delete("chat", "john");
      Race.of(RACERS, () -> {
        consents.save(new ConsentRow("chat", "john", "openid email", NOW, NOW.plusSeconds(60)));
        return null;
      });
      assertThat(jdbc.queryForObject("select count(*) from oauth2_consent where registered_client_id = 'chat'",
          Integer.class)).isOne();
    }
  }

  @Test
  void aTotpDeviceEnrolledFromTwoTabsAtOnceIsKeptOnce() throws Exception {
    TotpConfigurationRepository devices = new TotpConfigurationRepository(jdbc, engine());
    devices.save(new TotpConfigurationRow("jane", "Gatehouse", "SHA1", 6, 30, "old-secret", NOW, null));
    devices.recordUse("jane", NOW);
    Race.of(RACERS, () -> {
      devices.save(new TotpConfigurationRow("jane", "Gatehouse", "SHA256", 8, 60, "new-secret", NOW.plusSeconds(1),
          null));
      return null;
    });
    assertThat(devices.find("jane").orElseThrow().algorithm()).isEqualTo("SHA256");
    assertThat(jdbc.queryForObject("select count(*) from totp_configuration where username = 'jane'"
        + " and last_used_at is null", Integer.class)).as("the new device is unused").isOne();
  }

  @Test
  void aSecurityKeyCounterValueIsMovedPastByOneUseOnly() throws Exception {
    WebAuthnCredentialRepository credentials = new WebAuthnCredentialRepository(jdbc);
    WebAuthnCredentialRow key = securityKey("john", "key-1", "YubiKey");
    assertThat(credentials.add(key)).isTrue();
    assertThat(credentials.add(securityKey("john", "key-2", "YubiKey"))).as("a second of the same name").isFalse();
    assertThat(credentials.add(securityKey("mary", "key-1", "Mine"))).as("a registered credential id").isFalse();

    assertThat(Race.of(RACERS, () -> credentials.recordUse(key.id(), 0, 1, NOW))).containsOnlyOnce(true);
    WebAuthnCredentialRow used = credentials.find("auth.example.com", "key-1").orElseThrow();
    assertThat(used.signCount()).isOne();
    assertThat(used.lastUsedAt()).isEqualTo(NOW);
    assertThat(used.publicKey()).isEqualTo(key.publicKey());
    assertThat(credentials.forUser("john", "auth.example.com")).extracting(WebAuthnCredentialRow::description)
        .containsExactly("YubiKey");
  }

  @Test
  void aWebAuthnChallengeIsAnsweredOnce() throws Exception {
    WebAuthnCredentialRepository credentials = new WebAuthnCredentialRepository(jdbc);
    String challenge = "c".repeat(64);
    assertThat(Race.of(RACERS, () -> credentials.answerOnce(challenge, NOW.plusSeconds(60), NOW)))
        .containsOnlyOnce(true);
    assertThat(credentials.answerOnce(challenge, NOW.plusSeconds(120), NOW.plusSeconds(61)))
        .as("forgotten once expired, when it can no longer be answered anyway").isTrue();
  }

  private static WebAuthnCredentialRow securityKey(String username, String credentialId, String description) {
    return new WebAuthnCredentialRow(UUID.randomUUID().toString(), username, "auth.example.com", credentialId,
        description, new byte[] {1, 2, 3, 4}, 0, false, new UUID(0, 0), "none", "cross-platform", false, false,
        false, NOW, null);
  }

  private static AuthorizationRow grant(String id) {
    AuthorizationRow row = new AuthorizationRow();
    row.setId(id);
    row.setRegisteredClientId("chat");
    row.setPrincipalName("john");
    row.setAuthorizationGrantType("authorization_code");
    row.setAuthorizationCodeHash("a".repeat(64));
    return row;
  }
}
