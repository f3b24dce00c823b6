package dev.gatehouse.crypto.keys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/** X.509 certificate chains in PEM, as configured for a JWK's {@code certificate_chain}. */
public final class PemCertificates {

  private PemCertificates() {
  }

  /** The certificates in {@code pem}, leaf first, or {@link InvalidPemException}. */
  public static List<X509Certificate> parseChain(String pem) {
    try {
      List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .stream().map(X509Certificate.class::cast).toList();
      if (chain.isEmpty()) {
        throw new InvalidPemException("no PEM certificate found");
      }
      return chain;
    } catch (CertificateException e) {
      throw new InvalidPemException("malformed PEM certificate: " + e.getMessage(), e);
    }
  }

  /** Whether the chain's first certificate is for {@code publicKey}. */
  public static boolean certifies(List<X509Certificate> chain, PublicKey publicKey) {
    return Arrays.equals(chain.get(0).getPublicKey().getEncoded(), publicKey.getEncoded());
  }

  /**
   * Why the chain is not usable at {@code now} (a certificate out of its validity period, or not
   * signed by the next one), or null when it is.
   */
  public static String problemWith(List<X509Certificate> chain, Date now) {
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      try {
        certificate.checkValidity(now);
      } catch (CertificateException e) {
        return "certificate #" + (i + 1) + " (" + certificate.getSubjectX500Principal().getName()
            + ") is not valid at this time: " + e.getMessage();
      }
      if (i + 1 < chain.size()) {
        try {
          certificate.verify(chain.get(i + 1).getPublicKey());
        } catch (GeneralSecurityException e) {
          return "certificate #" + (i + 1) + " is not signed by certificate #" + (i + 2);
        }
      }
    }
    return null;
  }
}
