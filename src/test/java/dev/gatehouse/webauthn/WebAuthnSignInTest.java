package dev.gatehouse.webauthn;

import static dev.gatehouse.testing.SoftwareAuthenticator.USER_PRESENT;
import static dev.gatehouse.testing.SoftwareAuthenticator.USER_VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.WebAuthnConfig;
import dev.gatehouse.testing.Race;
import dev.gatehouse.testing.SoftwareAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A security key as second factor and a passkey to sign in: the owner's own credential, for the
 * challenge of this session, once, with a counter that moves forward.
 */
class WebAuthnSignInTest {

  private static final RelyingParty PARTY = WebAuthnFixture.PARTY;
  private static final WebAuthnConfig SETTINGS = WebAuthnFixture.settings(WebAuthnConfig.Requirement.PREFERRED,
      List.of());

  private final WebAuthnFixture fixture = new WebAuthnFixture();
  private final JsonMapper json = JsonMapper.builder().build();
  private final MockHttpSession session = new MockHttpSession();
  private final WebAuthnSignIn signIn = fixture.signIn(SETTINGS);

  @Test
  void aSecurityKeyIsTheSecondFactorOfItsOwnerOnlyOncePerChallenge() {
    SoftwareAuthenticator key = registered("john", false);
    JsonNode options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    assertThat(options.path("allowCredentials").get(0).path("id").asString())
        .isEqualTo(Base64Url.encode(key.credentialId()));
    String answer = key.getJson(PARTY.id(), PARTY.origin(), challenge(options), USER_PRESENT, 1, null);

    SignInOutcome outcome = signIn.finishSecondFactor(session, "john", answer, ANYONE);
    assertThat(outcome).isInstanceOf(SignInOutcome.SignedIn.class);
    assertThat(((SignInOutcome.SignedIn) outcome).credential().username()).isEqualTo("john");
    assertThat(signIn.finishSecondFactor(session, "john", answer, ANYONE)).as("replayed")
        .isInstanceOf(SignInOutcome.Refused.class);

    SoftwareAuthenticator marys = registered("mary", false);
    options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    assertThat(signIn.finishSecondFactor(session, "john",
        marys.getJson(PARTY.id(), PARTY.origin(), challenge(options), USER_PRESENT, 1, null), ANYONE))
        .as("another user's key").isInstanceOf(SignInOutcome.Refused.class);
  }

  @Test
  void aClonedSecurityKeyIsRefusedAndMarked() {
    SoftwareAuthenticator key = registered("john", false);
    JsonNode options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    assertThat(signIn.finishSecondFactor(session, "john",
        key.getJson(PARTY.id(), PARTY.origin(), challenge(options), USER_PRESENT, 7, null), ANYONE))
        .isInstanceOf(SignInOutcome.SignedIn.class);

    options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    assertThat(signIn.finishSecondFactor(session, "john",
        key.getJson(PARTY.id(), PARTY.origin(), challenge(options), USER_PRESENT, 4, null), ANYONE))
        .isInstanceOf(SignInOutcome.Cloned.class);
    assertThat(fixture.credentials.forUser("john", PARTY.id())).singleElement().satisfies(stored -> {
      assertThat(stored.cloneWarning()).isTrue();
      assertThat(stored.signCount()).isEqualTo(7);
    });
  }

  @Test
  void aKeyMarkedAsCopiedIsRefusedEvenWithAForwardCounter() {
    SoftwareAuthenticator key = registered("john", false);
    JsonNode options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    signIn.finishSecondFactor(session, "john", key.getJson(PARTY.id(), PARTY.origin(), challenge(options),
        USER_PRESENT, 7, null), ANYONE);
    options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    signIn.finishSecondFactor(session, "john", key.getJson(PARTY.id(), PARTY.origin(), challenge(options),
        USER_PRESENT, 4, null), ANYONE);

    options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    assertThat(signIn.finishSecondFactor(session, "john", key.getJson(PARTY.id(), PARTY.origin(),
        challenge(options), USER_PRESENT, 9, null), ANYONE)).isInstanceOf(SignInOutcome.Refused.class);
  }

  @Test
  void aBannedUsersAnswerIsNotCheckedAndTheCounterDoesNotMove() {
    SoftwareAuthenticator key = registered("john", false);
    JsonNode options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    List<String> asked = new ArrayList<>();
    assertThat(signIn.finishSecondFactor(session, "john", key.getJson(PARTY.id(), PARTY.origin(), challenge(options),
        USER_PRESENT, 3, null), user -> {
      asked.add(user);
      return false;
    })).isInstanceOf(SignInOutcome.Refused.class);
    assertThat(asked).containsExactly("john");
    assertThat(fixture.credentials.forUser("john", PARTY.id())).singleElement()
        .satisfies(stored -> assertThat(stored.signCount()).isZero());
  }

  @Test
  void aSecondFactorCeremonyBegunForAnotherUserOfTheBrowserSignsNobodyIn() {
    SoftwareAuthenticator key = registered("john", false);
    JsonNode options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    assertThat(signIn.finishSecondFactor(session, "mary", key.getJson(PARTY.id(), PARTY.origin(), challenge(options),
        USER_PRESENT, 1, null), ANYONE)).isInstanceOf(SignInOutcome.Refused.class);
  }

  @Test
  void aPasskeySignsInItsUserByItsHandleWithoutAUsername() {
    SoftwareAuthenticator passkey = registered("john", true);
    String handle = fixture.credentials.findUserHandle("john", PARTY.id()).orElseThrow();
    JsonNode options = json.readTree(signIn.beginPasskey(session, PARTY));
    assertThat(options.has("allowCredentials")).isFalse();

    SignInOutcome outcome = signIn.finishPasskey(session, passkey.getJson(PARTY.id(), PARTY.origin(),
        challenge(options), (byte) (USER_PRESENT | USER_VERIFIED), 0, handle), ANYONE);
    assertThat(outcome).isInstanceOf(SignInOutcome.SignedIn.class);
    assertThat(((SignInOutcome.SignedIn) outcome).userVerified()).isTrue();

    options = json.readTree(signIn.beginPasskey(session, PARTY));
    assertThat(signIn.finishPasskey(session, passkey.getJson(PARTY.id(), PARTY.origin(),
        challenge(options), USER_PRESENT, 0, "another-handle"), ANYONE)).as("a handle not the user's")
        .isInstanceOf(SignInOutcome.Refused.class);
  }

  @Test
  void aSecurityKeyThatIsNotDiscoverableSignsNobodyInWithoutAUsername() {
    SoftwareAuthenticator key = registered("john", false);
    String handle = fixture.credentials.findUserHandle("john", PARTY.id()).orElseThrow();
    JsonNode options = json.readTree(signIn.beginPasskey(session, PARTY));
    assertThat(signIn.finishPasskey(session,
        key.getJson(PARTY.id(), PARTY.origin(), challenge(options), USER_PRESENT, 1, handle), ANYONE))
        .isInstanceOf(SignInOutcome.Refused.class);
  }

  @Test
  void oneAnswerSentToSeveralInstancesAtOnceSignsInOnce() throws Exception {
    SoftwareAuthenticator key = registered("john", false);
    JsonNode options = json.readTree(signIn.beginSecondFactor(session, PARTY, "john"));
    String answer = key.getJson(PARTY.id(), PARTY.origin(), challenge(options), USER_PRESENT, 1, null);
    Object ceremony = session.getAttribute(Ceremonies.class.getName());

    List<Boolean> signedIn = Race.of(8, () -> {
      MockHttpSession sharedCopy = new MockHttpSession();
      sharedCopy.setAttribute(Ceremonies.class.getName(), ceremony);
      return signIn.finishSecondFactor(sharedCopy, "john", answer, ANYONE) instanceof SignInOutcome.SignedIn;
    });
    assertThat(signedIn).containsOnlyOnce(true);
  }

  private static final Predicate<String> ANYONE = user -> true;

  private SoftwareAuthenticator registered(String username, boolean discoverable) {
    SoftwareAuthenticator key = new SoftwareAuthenticator();
    WebAuthnRegistration registration = fixture.registration(SETTINGS);
    JsonNode options = json.readTree(registration.begin(session, PARTY, username, null));
    assertThat(registration.finish(session, username, key.createJson(PARTY.id(), PARTY.origin(), challenge(options),
        USER_PRESENT, "cross-platform", discoverable), username + "'s key"))
        .isInstanceOf(RegistrationOutcome.Registered.class);
    return key;
  }

  private static byte[] challenge(JsonNode options) {
    return Base64Url.decode(options.path("challenge").asString());
  }
}
