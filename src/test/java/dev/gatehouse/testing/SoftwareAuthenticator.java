package dev.gatehouse.testing;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * What a security key does, in software: an ES256 key pair and a credential id, "none"
 * attestation, authenticator data with the flags and counter asked for, and signatures over it.
 * Its answers are built by hand from the WebAuthn spec (webauthn4j only encodes the CBOR), so the
 * checks are tested against an independent party.
 */
public final class SoftwareAuthenticator {

  public static final byte USER_PRESENT = AuthenticatorData.BIT_UP;
  public static final byte USER_VERIFIED = AuthenticatorData.BIT_UV;

  /** What the browser hands back from {@code navigator.credentials.create}. */
  public record Attestation(byte[] attestationObject, byte[] clientDataJson) {
  }

  /** What the browser hands back from {@code navigator.credentials.get}. */
  public record Assertion(byte[] authenticatorData, byte[] clientDataJson, byte[] signature) {
  }

  private final KeyPair keys;
  private final byte[] credentialId = new byte[16];

  public SoftwareAuthenticator() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    new SecureRandom().nextBytes(credentialId);
  }

  public byte[] credentialId() {
    return credentialId.clone();
  }

  public Attestation create(String rpId, String origin, byte[] challenge, byte flags) {
    AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId,
        EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
    AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(
        sha256(rpId.getBytes(StandardCharsets.UTF_8)), (byte) (flags | AuthenticatorData.BIT_AT), 0, credential);
    byte[] attestation = new ObjectConverter().getCborConverter()
        .writeValueAsBytes(new AttestationObject(data, new NoneAttestationStatement()));
    return new Attestation(attestation, clientData("webauthn.create", challenge, origin));
  }

  public Assertion get(String rpId, String origin, byte[] challenge, byte flags, long counter) {
    byte[] data = ByteBuffer.allocate(37).put(sha256(rpId.getBytes(StandardCharsets.UTF_8))).put(flags)
        .putInt((int) counter).array();
    byte[] clientData = clientData("webauthn.get", challenge, origin);
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(keys.getPrivate());
      signature.update(data);
      signature.update(sha256(clientData));
      return new Assertion(data, clientData, signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What {@code credential.toJSON()} gives a page after {@code navigator.credentials.create}. */
  public String createJson(String rpId, String origin, byte[] challenge, byte flags, String attachment,
      boolean discoverable) {
    Attestation created = create(rpId, origin, challenge, flags);
    String id = base64Url(credentialId);
    return """
        {"id":"%s","rawId":"%s","type":"public-key","authenticatorAttachment":"%s",
         "response":{"attestationObject":"%s","clientDataJSON":"%s","transports":["usb"]},
         "clientExtensionResults":{"credProps":{"rk":%s}}}
        """.formatted(id, id, attachment, base64Url(created.attestationObject()),
        base64Url(created.clientDataJson()), discoverable);
  }

  /** What {@code credential.toJSON()} gives a page after {@code navigator.credentials.get}. */
  public String getJson(String rpId, String origin, byte[] challenge, byte flags, long counter, String userHandle) {
    Assertion signed = get(rpId, origin, challenge, flags, counter);
    String id = base64Url(credentialId);
    return """
        {"id":"%s","rawId":"%s","type":"public-key","authenticatorAttachment":"cross-platform",
         "response":{"authenticatorData":"%s","clientDataJSON":"%s","signature":"%s"%s},
         "clientExtensionResults":{}}
        """.formatted(id, id, base64Url(signed.authenticatorData()), base64Url(signed.clientDataJson()),
        base64Url(signed.signature()), userHandle == null ? "" : ",\"userHandle\":\"" + userHandle + "\"");
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] clientData(String type, byte[] challenge, String origin) {
    return ("{\"type\":\"" + type + "\",\"challenge\":\"" + base64Url(challenge) + "\",\"origin\":\"" + origin
        + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
