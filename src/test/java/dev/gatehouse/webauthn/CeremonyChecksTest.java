package dev.gatehouse.webauthn;

import static dev.gatehouse.testing.SoftwareAuthenticator.USER_PRESENT;
import static dev.gatehouse.testing.SoftwareAuthenticator.USER_VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.testing.SoftwareAuthenticator;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checks of registrations and assertions, against a software security key. */
class CeremonyChecksTest {

  private static final RelyingParty PARTY = new RelyingParty("auth.example.com", "https://auth.example.com");

  private final CeremonyChecks checks = new CeremonyChecks();
  private final SoftwareAuthenticator key = new SoftwareAuthenticator();
  private StoredCredential stored;

  @BeforeEach
  void register() throws CeremonyRefused {
    byte[] challenge = challenge();
    SoftwareAuthenticator.Attestation created = key.create(PARTY.id(), PARTY.origin(), challenge, USER_PRESENT);
    NewCredential credential = checks.register(PARTY, challenge, created.attestationObject(),
        created.clientDataJson(), false);
    assertThat(credential.id()).isEqualTo(key.credentialId());
    assertThat(credential.attestationFormat()).isEqualTo("none");
    assertThat(credential.userVerified()).isFalse();
    stored = credential.stored();
  }

  @Test
  void anAssertionSignedForTheChallengeIsAcceptedWithItsCounter() {
    assertThat(assertion(PARTY.id(), PARTY.origin(), USER_PRESENT, 5, false))
        .isEqualTo(new AssertionOutcome.Accepted(5, true, false));
  }

  @Test
  void aCounterThatDoesNotMoveForwardIsAClonedAuthenticator() {
    stored = new StoredCredential(stored.id(), stored.publicKey(), 5);
    assertThat(assertion(PARTY.id(), PARTY.origin(), USER_PRESENT, 3, false))
        .isEqualTo(new AssertionOutcome.Cloned(5, 3));
  }

  @Test
  void anotherOriginIsRefused() {
    assertThat(assertion(PARTY.id(), "https://evil.example.net", USER_PRESENT, 1, false))
        .isInstanceOf(AssertionOutcome.Refused.class)
        .extracting(outcome -> ((AssertionOutcome.Refused) outcome).reason()).asString().startsWith("BadOrigin");
  }

  @Test
  void anotherRpIdIsRefused() {
    assertThat(assertion("evil.example.net", PARTY.origin(), USER_PRESENT, 1, false))
        .extracting(outcome -> ((AssertionOutcome.Refused) outcome).reason()).asString().startsWith("BadRpId");
  }

  @Test
  void userVerificationRequiredButAbsentIsRefusedAndPresentIsReported() {
    assertThat(assertion(PARTY.id(), PARTY.origin(), USER_PRESENT, 1, true))
        .extracting(outcome -> ((AssertionOutcome.Refused) outcome).reason()).asString().startsWith("UserNotVerified");
    assertThat(assertion(PARTY.id(), PARTY.origin(), (byte) (USER_PRESENT | USER_VERIFIED), 2, true))
        .isEqualTo(new AssertionOutcome.Accepted(2, true, true));
  }

  @Test
  void anAnswerToAnotherChallengeOrWithABrokenSignatureIsRefused() {
    SoftwareAuthenticator.Assertion signed = key.get(PARTY.id(), PARTY.origin(), challenge(), USER_PRESENT, 1);
    assertThat(checks.verify(PARTY, challenge(), stored, signed.authenticatorData(), signed.clientDataJson(),
        signed.signature(), false))
        .extracting(outcome -> ((AssertionOutcome.Refused) outcome).reason()).asString().startsWith("BadChallenge");

    byte[] challenge = challenge();
    SoftwareAuthenticator.Assertion tampered = key.get(PARTY.id(), PARTY.origin(), challenge, USER_PRESENT, 1);
    byte[] signature = tampered.signature();
    signature[signature.length - 1] ^= 1;
    assertThat(checks.verify(PARTY, challenge, stored, tampered.authenticatorData(), tampered.clientDataJson(),
        signature, false)).isInstanceOf(AssertionOutcome.Refused.class);
  }

  @Test
  void aRegistrationForAnotherOriginIsRefused() {
    byte[] challenge = challenge();
    SoftwareAuthenticator.Attestation created = key.create(PARTY.id(), "https://evil.example.net", challenge,
        USER_PRESENT);
    assertThatThrownBy(() -> checks.register(PARTY, challenge, created.attestationObject(), created.clientDataJson(),
        false)).isInstanceOf(CeremonyRefused.class).hasMessageStartingWith("BadOrigin");
  }

  private AssertionOutcome assertion(String rpId, String origin, byte flags, long counter,
      boolean userVerificationRequired) {
    byte[] challenge = challenge();
    SoftwareAuthenticator.Assertion signed = key.get(rpId, origin, challenge, flags, counter);
    return checks.verify(PARTY, challenge, stored, signed.authenticatorData(), signed.clientDataJson(),
        signed.signature(), userVerificationRequired);
  }

  private static byte[] challenge() {
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    return challenge;
  }
}
