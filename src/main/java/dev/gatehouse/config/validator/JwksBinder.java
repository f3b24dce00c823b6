package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.OidcConfig;
import dev.gatehouse.crypto.keys.InvalidPemException;
import dev.gatehouse.crypto.keys.KeyAlgorithms;
import dev.gatehouse.crypto.keys.KeyIds;
import dev.gatehouse.crypto.keys.PemCertificates;
import dev.gatehouse.crypto.keys.PemPrivateKeys;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code identity_providers.oidc.jwks}: the provider's own keys, checked as Authelia checks them.
 * Unlike Authelia the list may be absent: Gatehouse then generates an RSA key (RS256) and keeps it
 * in storage. Authelia's older {@code issuer_private_key} (+ {@code issuer_certificate_chain}) is
 * taken as the first key, RS256, with Authelia's deprecation warning.
 */
final class JwksBinder {

  /** The keys, and the signing algorithms clients may ask for. */
  record Keys(List<OidcConfig.Jwk> jwks, List<String> signingAlgorithms) {
  }

  private static final String RS256 = "RS256";
  private static final List<String> USES = List.of(KeyAlgorithms.USE_SIGNATURE,
      KeyAlgorithms.USE_ENCRYPTION);
  private static final List<String> SIGNING_ALGORITHMS = List.of("RS256", "PS256", "ES256",
      "RS384", "PS384", "ES384", "RS512", "PS512", "ES512");
  private static final List<String> ENCRYPTION_ALGORITHMS = List.of("RSA1_5", "RSA-OAEP",
      "RSA-OAEP-256", "A128KW", "A192KW", "A256KW", "dir", "ECDH-ES", "ECDH-ES+A128KW",
      "ECDH-ES+A192KW", "ECDH-ES+A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW",
      "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW");
  /** Authelia's reOpenIDConnectKID. */
  private static final Pattern KEY_ID = Pattern.compile("^[a-zA-Z0-9](([a-zA-Z0-9._~-]*)([a-zA-Z0-9]))?$");
  private static final int MAXIMUM_KEY_ID_LENGTH = 100;
  private static final int MINIMUM_RSA_BITS = 2048;

  /** One configured key, from {@code jwks[i]} or from {@code issuer_private_key}. */
  private record Entry(ConfigNode keyNode, ConfigNode keyIdNode, ConfigNode algorithmNode,
      ConfigNode useNode, ConfigNode chainNode) {
  }

  private final List<OidcConfig.Jwk> jwks = new ArrayList<>();
  private final List<String> signingAlgorithms = new ArrayList<>();
  private final List<String> signingKeyIds = new ArrayList<>();
  private final List<String> encryptionKeyIds = new ArrayList<>();

  private JwksBinder() {
  }

  static Keys bind(ConfigNode oidc) {
    JwksBinder binder = new JwksBinder();
    ConfigNode jwksNode = oidc.child("jwks");
    ConfigNode issuerKey = oidc.child("issuer_private_key");
    ConfigNode issuerChain = oidc.child("issuer_certificate_chain");
    List<Entry> entries = new ArrayList<>();
    if (issuerKey.isPresent() || issuerChain.isPresent()) {
      if (jwksNode.isPresent()) {
        jwksNode.error("must not be configured at the same time as 'issuer_private_key' or"
            + " 'issuer_certificate_chain'");
      }
      issuerKey.warn("configuration key 'identity_providers.oidc.issuer_private_key' is deprecated"
          + " in 4.38.0 and has been replaced by 'identity_providers.oidc.jwks': it is used as the"
          + " first key with algorithm RS256; configure it as a jwks entry to remove this message");
      entries.add(new Entry(issuerKey, null, null, null, issuerChain));
    }
    for (ConfigNode item : jwksNode.items()) {
      entries.add(new Entry(item.child("key"), item.child("key_id"), item.child("algorithm"),
          item.child("use"), item.child("certificate_chain")));
    }
    entries.forEach(binder::bindKey);
    if (!binder.signingAlgorithms.isEmpty() && !binder.signingAlgorithms.contains(RS256)) {
      jwksNode.error("must at least have one key supporting the 'RS256' algorithm but only has "
          + ConfigNode.joinAnd(binder.signingAlgorithms));
    }
    List<String> algorithms = binder.signingAlgorithms.isEmpty()
        ? List.of(RS256) : List.copyOf(binder.signingAlgorithms);
    return new Keys(List.copyOf(binder.jwks), algorithms);
  }

  private void bindKey(Entry entry) {
    boolean legacy = entry.useNode() == null;
    String use = legacy ? KeyAlgorithms.USE_SIGNATURE
        : entry.useNode().choice(KeyAlgorithms.USE_SIGNATURE, USES);
    String pem = entry.keyNode().string();
    String configuredAlgorithm = legacy ? RS256 : entry.algorithmNode().string();
    String configuredKeyId = legacy ? null : entry.keyIdNode().string();
    String chainPem = entry.chainNode().string();
    if (pem == null) {
      entry.keyNode().error("is required: a PEM private key, e.g. the private.pem written by"
          + " 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048'");
      return;
    }
    KeyPair pair;
    try {
      pair = PemPrivateKeys.parse(pem);
    } catch (InvalidPemException e) {
      entry.keyNode().error("is not a usable private key: " + e.getMessage());
      return;
    }
    PublicKey publicKey = pair.getPublic();
    if (publicKey instanceof RSAKey rsa && rsa.getModulus().bitLength() < MINIMUM_RSA_BITS) {
      entry.keyNode().error("is an RSA " + rsa.getModulus().bitLength() + " bit private key but it"
          + " must at minimum be a RSA 2048 bit private key");
    }
    String algorithm = configuredAlgorithm != null
        ? configuredAlgorithm : KeyAlgorithms.defaultFor(publicKey, use);
    ConfigNode algorithmNode = legacy ? entry.keyNode() : entry.algorithmNode();
    if (!algorithmFits(algorithm, publicKey, use, algorithmNode)) {
      return;
    }
    String keyId = configuredKeyId != null ? configuredKeyId : KeyIds.derive(publicKey, algorithm);
    checkKeyId(keyId, use, legacy ? entry.keyNode() : entry.keyIdNode());
    if (chainPem != null) {
      checkChain(chainPem, publicKey, entry.chainNode());
    }
    jwks.add(new OidcConfig.Jwk(keyId, algorithm, use, pem, chainPem));
    if (use.equals(KeyAlgorithms.USE_SIGNATURE) && !signingAlgorithms.contains(algorithm)) {
      signingAlgorithms.add(algorithm);
    }
  }

  private static boolean algorithmFits(String algorithm, PublicKey key, String use, ConfigNode node) {
    List<String> allowed = use.equals(KeyAlgorithms.USE_SIGNATURE)
        ? SIGNING_ALGORITHMS : ENCRYPTION_ALGORITHMS;
    if (algorithm == null) {
      node.error("could not be determined for this key; set one of " + ConfigNode.joinOr(allowed));
      return false;
    }
    if (!allowed.contains(algorithm)) {
      node.error("must be one of " + ConfigNode.joinOr(allowed) + " but it's configured as '"
          + algorithm + "'");
      return false;
    }
    if (use.equals(KeyAlgorithms.USE_SIGNATURE)) {
      boolean rsaAlgorithm = algorithm.startsWith("RS") || algorithm.startsWith("PS");
      String curveAlgorithm = KeyAlgorithms.defaultFor(key, use);
      if (key instanceof RSAKey && !rsaAlgorithm
          || key instanceof ECKey && !algorithm.equals(curveAlgorithm)) {
        node.error("'" + algorithm + "' cannot be used with this " + (key instanceof RSAKey
            ? "RSA key; use RS256, RS384, RS512, PS256, PS384 or PS512"
            : "EC key; its curve signs with " + curveAlgorithm));
        return false;
      }
    }
    return true;
  }

  private void checkKeyId(String keyId, String use, ConfigNode node) {
    if (keyId.length() > MAXIMUM_KEY_ID_LENGTH) {
      node.error("'" + keyId + "' must be 100 characters or less");
    }
    if (!KEY_ID.matcher(keyId).matches()) {
      node.error("'" + keyId + "' must only contain RFC3986 unreserved characters and must only"
          + " start and end with alphanumeric characters");
    }
    List<String> sameUse = use.equals(KeyAlgorithms.USE_SIGNATURE) ? signingKeyIds : encryptionKeyIds;
    if (sameUse.contains(keyId)) {
      node.error("'" + keyId + "' must be unique but another '" + use + "' key has it");
    }
    sameUse.add(keyId);
  }

  private static void checkChain(String chainPem, PublicKey publicKey, ConfigNode node) {
    List<X509Certificate> chain;
    try {
      chain = PemCertificates.parseChain(chainPem);
    } catch (InvalidPemException e) {
      node.error("is not a usable certificate chain: " + e.getMessage());
      return;
    }
    if (!PemCertificates.certifies(chain, publicKey)) {
      node.error("does not appear to contain the public key for the private key provided by"
          + " option 'key'");
    }
    String problem = PemCertificates.problemWith(chain, new Date());
    if (problem != null) {
      node.error("produced an error during validation of the chain: " + problem);
    }
  }
}
