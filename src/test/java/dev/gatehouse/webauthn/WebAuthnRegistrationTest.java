package dev.gatehouse.webauthn;

import static dev.gatehouse.testing.SoftwareAuthenticator.USER_PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.WebAuthnConfig;
import dev.gatehouse.storage.WebAuthnCredentialRepository;
import dev.gatehouse.testing.SoftwareAuthenticator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Adding a security key: the options a browser gets, and its answer checked, filtered and stored. */
class WebAuthnRegistrationTest {

  private static final RelyingParty PARTY = WebAuthnFixture.PARTY;

  private final WebAuthnFixture fixture = new WebAuthnFixture();
  private final WebAuthnCredentialRepository credentials = fixture.credentials;
  private final JsonMapper json = JsonMapper.builder().build();
  private final MockHttpSession session = new MockHttpSession();
  private final SoftwareAuthenticator key = new SoftwareAuthenticator();

  @Test
  void aSecurityKeyIsAddedOnceAndThenExcluded() {
    WebAuthnRegistration registration = registration(List.of());
    JsonNode options = json.readTree(registration.begin(session, PARTY, "john", "John Doe"));
    assertThat(options.path("rp").path("id").asString()).isEqualTo("auth.example.com");
    assertThat(options.path("user").path("name").asString()).isEqualTo("john");
    assertThat(options.path("excludeCredentials")).isEmpty();
    assertThat(options.path("authenticatorSelection").path("userVerification").asString()).isEqualTo("preferred");
    String handle = options.path("user").path("id").asString();

    String answer = answer(options, PARTY.origin());
    assertThat(registration.finish(session, "john", answer, "YubiKey"))
        .isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(registration.finish(session, "john", answer, "YubiKey again"))
        .as("the same answer replayed").isInstanceOf(RegistrationOutcome.Refused.class);

    JsonNode next = json.readTree(registration.begin(session, PARTY, "john", "John Doe"));
    assertThat(next.path("excludeCredentials").get(0).path("id").asString())
        .isEqualTo(Base64Url.encode(key.credentialId()));
    assertThat(next.path("user").path("id").asString()).as("one handle per user").isEqualTo(handle);
    assertThat(credentials.forUser("john", PARTY.id())).singleElement().satisfies(stored -> {
      assertThat(stored.description()).isEqualTo("YubiKey");
      assertThat(stored.attachment()).isEqualTo("cross-platform");
      assertThat(stored.discoverable()).isFalse();
    });
  }

  @Test
  void anAnswerFromAnotherOriginOrForAnotherUserOrTooLateIsRefused() {
    WebAuthnRegistration registration = registration(List.of());
    String elsewhere = answer(json.readTree(registration.begin(session, PARTY, "john", null)),
        "https://evil.example.net");
    assertThat(registration.finish(session, "john", elsewhere, "Key")).isInstanceOf(RegistrationOutcome.Refused.class);

    String forJohn = answer(json.readTree(registration.begin(session, PARTY, "john", null)), PARTY.origin());
    assertThat(registration.finish(session, "mary", forJohn, "Key")).isInstanceOf(RegistrationOutcome.Refused.class);

    String late = answer(json.readTree(registration.begin(session, PARTY, "john", null)), PARTY.origin());
    fixture.clock.advance(Duration.ofSeconds(61));
    assertThat(registration.finish(session, "john", late, "Key")).isInstanceOf(RegistrationOutcome.Refused.class);
    assertThat(credentials.forUser("john", PARTY.id())).isEmpty();
  }

  @Test
  void aProhibitedAuthenticatorModelIsRefused() {
    WebAuthnRegistration registration = registration(List.of(new UUID(0, 0)));
    String answer = answer(json.readTree(registration.begin(session, PARTY, "john", null)), PARTY.origin());
    assertThat(registration.finish(session, "john", answer, "Key"))
        .isEqualTo(new RegistrationOutcome.Refused("authenticator model 00000000-0000-0000-0000-000000000000"
            + " is prohibited"));
  }

  private WebAuthnRegistration registration(List<UUID> prohibited) {
    return fixture.registration(WebAuthnFixture.settings(WebAuthnConfig.Requirement.PREFERRED, prohibited));
  }

  private String answer(JsonNode options, String origin) {
    return key.createJson(options.path("rp").path("id").asString(), origin,
        Base64Url.decode(options.path("challenge").asString()), USER_PRESENT, "cross-platform", false);
  }
}
