package dev.gatehouse.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.CborConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import java.util.List;
import java.util.Set;

/**
 * The checks of a WebAuthn ceremony against what the server expects: the challenge it issued, its
 * origin and RP ID, the signature by the stored public key, user presence, user verification when
 * required, and a signature counter that moves forward. webauthn4j does the verifying; this class
 * says what to verify against and turns its verdicts into Gatehouse's. Attestation statements are
 * accepted without checking their certificate chains (no FIDO metadata is fetched), as Authelia
 * does without {@code webauthn.metadata}.
 */
public final class CeremonyChecks {

  /** The algorithms a new credential may use: ES256, EdDSA, RS256, as browsers offer them. */
  static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
      new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
      new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
      new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

  private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
  private final CborConverter cbor = new ObjectConverter().getCborConverter();

  /** Checks a registration ({@code navigator.credentials.create}) made for {@code challenge}. */
  public NewCredential register(RelyingParty party, byte[] challenge, byte[] attestationObject, byte[] clientDataJson,
      boolean userVerificationRequired) throws CeremonyRefused {
    try {
      RegistrationData registration = webAuthn.verify(new RegistrationRequest(attestationObject, clientDataJson),
          new RegistrationParameters(server(party, challenge), ALGORITHMS, userVerificationRequired, true));
      AuthenticatorData<?> data = registration.getAttestationObject().getAuthenticatorData();
      AttestedCredentialData credential = data.getAttestedCredentialData();
      return new NewCredential(credential.getCredentialId(), cbor.writeValueAsBytes(credential.getCOSEKey()),
          data.getSignCount(), credential.getAaguid().getValue(),
          registration.getAttestationObject().getFormat(), data.isFlagUV(), data.isFlagBE(), data.isFlagBS());
    } catch (WebAuthnException refused) {
      throw new CeremonyRefused(refused.getClass().getSimpleName() + ": " + refused.getMessage(), refused);
    }
  }

  /** Checks an assertion ({@code navigator.credentials.get}) made for {@code challenge} with {@code credential}. */
  public AssertionOutcome verify(RelyingParty party, byte[] challenge, StoredCredential credential,
      byte[] authenticatorData, byte[] clientDataJson, byte[] signature, boolean userVerificationRequired) {
    try {
      AuthenticationData assertion = webAuthn.verify(
          new AuthenticationRequest(credential.id(), authenticatorData, clientDataJson, signature),
          new AuthenticationParameters(server(party, challenge), record(credential), List.of(credential.id()),
              userVerificationRequired));
      AuthenticatorData<?> data = assertion.getAuthenticatorData();
      return new AssertionOutcome.Accepted(data.getSignCount(), data.isFlagUP(), data.isFlagUV());
    } catch (MaliciousCounterValueException cloned) {
      return new AssertionOutcome.Cloned(credential.signCount(), presentedCount(authenticatorData));
    } catch (WebAuthnException refused) {
      return new AssertionOutcome.Refused(refused.getClass().getSimpleName() + ": " + refused.getMessage());
    }
  }

  private static ServerProperty server(RelyingParty party, byte[] challenge) {
    return new ServerProperty(Set.of(new Origin(party.origin())), party.id(), new DefaultChallenge(challenge));
  }

  private CredentialRecordImpl record(StoredCredential credential) {
    AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credential.id(),
        cbor.readValue(credential.publicKey(), COSEKey.class));
    return new CredentialRecordImpl(null, null, null, null, credential.signCount(), attested, null, null, null, null);
  }

  /** The counter in authenticator data: four big-endian bytes after the RP ID hash and the flags. */
  private static long presentedCount(byte[] authenticatorData) {
    return authenticatorData.length < 37 ? -1 : ((authenticatorData[33] & 0xFFL) << 24
        | (authenticatorData[34] & 0xFFL) << 16 | (authenticatorData[35] & 0xFFL) << 8 | (authenticatorData[36] & 0xFFL));
  }
}
