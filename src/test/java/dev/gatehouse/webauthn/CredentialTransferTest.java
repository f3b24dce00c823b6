package dev.gatehouse.webauthn;

import static dev.gatehouse.testing.SoftwareAuthenticator.USER_PRESENT;
import static dev.gatehouse.webauthn.WebAuthnFixture.PARTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.WebAuthnConfig;
import dev.gatehouse.testing.SoftwareAuthenticator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security keys moved in Authelia's export format: what one Gatehouse exports, another imports, and
 * the same key then signs in there, its counter carried over; credentials for another party or
 * user, or unreadable, are refused with their lines.
 */
class CredentialTransferTest {

  private static final WebAuthnConfig SETTINGS = WebAuthnFixture.settings(WebAuthnConfig.Requirement.PREFERRED,
      List.of());
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anExportedKeySignsInWhereItIsImportedWithItsCounter() {
    WebAuthnFixture before = new WebAuthnFixture();
    SoftwareAuthenticator key = new SoftwareAuthenticator();
    MockHttpSession session = new MockHttpSession();
    WebAuthnRegistration registration = before.registration(SETTINGS);
    JsonNode options = json.readTree(registration.begin(session, PARTY, "john", "John"));
    assertThat(registration.finish(session, "john", key.createJson(PARTY.id(), PARTY.origin(), challenge(options),
        USER_PRESENT, "cross-platform", false), "YubiKey")).isInstanceOf(RegistrationOutcome.Registered.class);
    WebAuthnSignIn signIn = before.signIn(SETTINGS);
    options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    signIn.finishSecondFactor(session, "john", key.getJson(PARTY.id(), PARTY.origin(), challenge(options),
        USER_PRESENT, 5, null), user -> true);

    String exported = CredentialTransfer.export(before.credentials.all());
    assertThat(exported).contains("webauthn_credentials:", "rpid: auth.example.com", "username: john",
        "description: YubiKey", "sign_count: 5", "kid: " + Base64.getEncoder().encodeToString(key.credentialId()));

    WebAuthnFixture after = new WebAuthnFixture();
    CredentialTransfer.ImportPlan plan = CredentialTransfer.plan(exported, "john"::equals, Set.of(PARTY.id()),
        after.credentials.all(), NOW);
    assertThat(plan.problems()).isEmpty();
    plan.credentials().forEach(after.credentials::add);

    WebAuthnSignIn there = after.signIn(SETTINGS);
    options = json.readTree(there.beginSecondFactor(session, PARTY, "john"));
    assertThat(there.finishSecondFactor(session, "john", key.getJson(PARTY.id(), PARTY.origin(), challenge(options),
        USER_PRESENT, 4, null), user -> true)).as("the counter came along: 4 after 5 is a copy")
        .isInstanceOf(SignInOutcome.Cloned.class);
    WebAuthnFixture third = new WebAuthnFixture();
    CredentialTransfer.plan(exported, "john"::equals, Set.of(), List.of(), NOW).credentials()
        .forEach(third.credentials::add);
    WebAuthnSignIn thirdSignIn = third.signIn(SETTINGS);
    options = json.readTree(thirdSignIn.beginSecondFactor(session, PARTY, "john"));
    assertThat(thirdSignIn.finishSecondFactor(session, "john", key.getJson(PARTY.id(), PARTY.origin(),
        challenge(options), USER_PRESENT, 6, null), user -> true)).isInstanceOf(SignInOutcome.SignedIn.class);
  }

  @Test
  void credentialsForAnotherPartyOrUserOrUnreadableAreRefusedTogether() {
    String file = """
        webauthn_credentials:
          - created_at: 2025-01-02T03:04:05Z
            rpid: auth.other.org
            username: john
            description: Old key
            kid: AQIDBA==
            attestation_type: none
            sign_count: 3
            public_key: pQECAyYgAQ==
          - rpid: auth.example.com
            username: mallory
            description: Hers
            kid: BQYHCA==
            sign_count: 0
            public_key: pQECAyYgAQ==
          - rpid: auth.example.com
            username: john
            description: Broken
            kid: '***'
            sign_count: -1
            public_key: ''
        """;
    CredentialTransfer.ImportPlan plan = CredentialTransfer.plan(file, "john"::equals, Set.of(PARTY.id()), List.of(),
        NOW);
    assertThat(plan.credentials()).isEmpty();
    assertThat(plan.problems()).containsExactly(
        "webauthn_credentials entry 1 (user 'john'): rpid 'auth.other.org' is not the host of an issuer of this"
            + " configuration (auth.example.com); the browser would never use it here",
        "webauthn_credentials entry 2 (user 'mallory'): user 'mallory' is not in the users file",
        "webauthn_credentials entry 3: kid must be standard Base64, as Authelia exports it",
        "webauthn_credentials entry 3: public_key must be standard Base64, as Authelia exports it",
        "webauthn_credentials entry 3: sign_count must be a whole number, not '-1'");
  }

  private static byte[] challenge(JsonNode options) {
    return Base64Url.decode(options.path("challenge").asString());
  }
}
