package dev.gatehouse.crypto.keys;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads an unencrypted RSA or EC private key from PEM, in any of the forms {@code openssl} and
 * Authelia's {@code crypto pair} write: PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE KEY}). The public half is
 * derived, so a key without its public part still works. The keys returned are the JDK's own
 * ({@code RSAPrivateCrtKey}, {@code ECPrivateKey}), usable with any JCA provider.
 */
public final class PemPrivateKeys {

  private static final String EXPECTED = "expected a PEM private key ('-----BEGIN PRIVATE KEY-----',"
      + " '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----')";

  private PemPrivateKeys() {
  }

  /** The key pair in {@code pem}, or {@link InvalidPemException} saying what the text is instead. */
  public static KeyPair parse(String pem) {
    Object object = readFirstObject(pem);
    if (object instanceof PEMKeyPair pair) {
      return toKeyPair(pair.getPrivateKeyInfo());
    }
    if (object instanceof PrivateKeyInfo info) {
      return toKeyPair(info);
    }
    if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new InvalidPemException("the private key is encrypted; remove its passphrase");
    }
    if (object instanceof X509CertificateHolder) {
      throw new InvalidPemException("found a certificate but " + EXPECTED);
    }
    if (object instanceof SubjectPublicKeyInfo) {
      throw new InvalidPemException("found a public key but " + EXPECTED);
    }
    throw new InvalidPemException("found " + object.getClass().getSimpleName() + " but " + EXPECTED);
  }

  private static Object readFirstObject(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
      Object object = parser.readObject();
      if (object == null) {
        throw new InvalidPemException("no PEM block found; " + EXPECTED);
      }
      return object;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidPemException invalid) {
        throw invalid;
      }
      throw new InvalidPemException("malformed PEM: " + e.getMessage(), e);
    }
  }

  private static KeyPair toKeyPair(PrivateKeyInfo info) {
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    try {
      if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        return rsaKeyPair(info);
      }
      if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        return ecKeyPair(info);
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidPemException("malformed private key: " + e.getMessage(), e);
    }
    throw new InvalidPemException("the private key has algorithm " + algorithm.getId()
        + " but only RSA and EC (ECDSA) keys are supported");
  }

  private static KeyPair rsaKeyPair(PrivateKeyInfo info) throws IOException, GeneralSecurityException {
    RSAPrivateKey rsa = RSAPrivateKey.getInstance(info.parsePrivateKey());
    KeyFactory factory = KeyFactory.getInstance("RSA");
    return new KeyPair(
        factory.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())),
        factory.generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded())));
  }

  private static KeyPair ecKeyPair(PrivateKeyInfo info) throws IOException, GeneralSecurityException {
    ECPrivateKey ec = ECPrivateKey.getInstance(info.parsePrivateKey());
    ASN1ObjectIdentifier curve = namedCurve(info.getPrivateKeyAlgorithm(), ec);
    X9ECParameters curveParameters = ECNamedCurveTable.getByOID(curve);
    if (curveParameters == null) {
      throw new InvalidPemException("the EC key uses unknown curve " + curve.getId());
    }
    AlgorithmIdentifier algorithm =
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve);
    // The public point is optional in the encoding; when absent it is d×G.
    byte[] point = ec.getPublicKey() != null
        ? ec.getPublicKey().getOctets()
        : curveParameters.getG().multiply(ec.getKey()).normalize().getEncoded(false);
    KeyFactory factory = KeyFactory.getInstance("EC");
    try {
      return new KeyPair(
          factory.generatePublic(new X509EncodedKeySpec(
              new SubjectPublicKeyInfo(algorithm, point).getEncoded())),
          factory.generatePrivate(new PKCS8EncodedKeySpec(
              new PrivateKeyInfo(algorithm, ec).getEncoded())));
    } catch (GeneralSecurityException e) {
      throw new InvalidPemException("the EC key's curve " + ECNamedCurveTable.getName(curve)
          + " is not supported; use P-256, P-384 or P-521", e);
    }
  }

  /** The curve, named in PKCS#8's algorithm or in SEC1's own parameters field. */
  private static ASN1ObjectIdentifier namedCurve(AlgorithmIdentifier algorithm, ECPrivateKey ec) {
    ASN1Encodable parameters = algorithm.getParameters() != null
        ? algorithm.getParameters() : ec.getParametersObject();
    if (parameters == null) {
      throw new InvalidPemException("the EC key does not name its curve");
    }
    if (!(parameters.toASN1Primitive() instanceof ASN1ObjectIdentifier curve)) {
      throw new InvalidPemException("the EC key has explicit curve parameters; only named curves"
          + " (P-256, P-384, P-521) are supported");
    }
    return curve;
  }
}
