package dev.gatehouse.oidc.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.storage.EncryptedValues;
import dev.gatehouse.storage.SigningKeyRow;
import dev.gatehouse.storage.SigningKeyRepository;
import dev.gatehouse.storage.StorageEncryption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys Gatehouse makes for itself when the configuration has no {@code jwks}: an RSA 2048 key made
 * on first start and kept, encrypted, in storage so that restarts keep the same {@code kid}.
 */
public class SigningKeyStore {

  private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

  private final SigningKeyRepository repository;
  private final StorageEncryption encryption;
  private final Clock clock;

  public SigningKeyStore(SigningKeyRepository repository, StorageEncryption encryption, Clock clock) {
    this.repository = repository;
    this.encryption = encryption;
    this.clock = clock;
  }

  public List<JWK> loadOrGenerate() {
    return repository.findOrInsertFirst(() -> {
      SigningKeyRow generated = generate();
      log.info("Generated RSA 2048 signing key '{}' and stored it", generated.keyId());
      return generated;
    }).stream().map(this::toJwk).toList();
  }

  private SigningKeyRow generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      String keyId = rsaJwk((RSAPrivateCrtKey) pair.getPrivate(), null).computeThumbprint().toString();
      String encrypted = encryption.encrypt(pair.getPrivate().getEncoded(), location(keyId));
      return new SigningKeyRow(keyId, JWSAlgorithm.RS256.getName(), encrypted, clock.instant());
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA signing key", e);
    }
  }

  private JWK toJwk(SigningKeyRow row) {
    byte[] pkcs8 = encryption.decrypt(row.encryptedPrivateKey(), location(row.keyId()));
    try {
      var privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      return rsaJwk(privateKey, row.keyId());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored signing key '" + row.keyId() + "' is unreadable", e);
    }
  }

  private static RSAKey rsaJwk(RSAPrivateCrtKey privateKey, String keyId) throws GeneralSecurityException {
    var publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId)
        .algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).build();
  }

  private static String location(String keyId) {
    return EncryptedValues.SIGNING_KEYS.location(keyId);
  }
}
