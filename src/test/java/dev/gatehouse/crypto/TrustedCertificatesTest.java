package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.proxy.ThrowawayCa;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** certificates_directory: a private CA's server is trusted beside the JVM's CAs, as Authelia trusts it. */
class TrustedCertificatesTest {

  @TempDir
  Path directory;

  @Test
  void aServerOfACaInTheDirectoryIsTrustedAndTheJvmsCasStillAre() throws Exception {
    ThrowawayCa ca = ThrowawayCa.create(Files.createDirectory(directory.resolve("ca")));
    Path certificates = Files.createDirectory(directory.resolve("certificates"));
    Files.copy(ca.caFile(), certificates.resolve("private-ca.CRT"));
    Files.writeString(certificates.resolve("README.txt"), "not read: not a certificate file name");
    X509Certificate[] chain = chainOf(ca);

    X509TrustManager trust = TrustedCertificates.withDirectory(certificates);

    assertThatCode(() -> trust.checkServerTrusted(chain, "RSA")).doesNotThrowAnyException();
    assertThat(trust.getAcceptedIssuers().length).as("the JVM's CAs and the private one")
        .isGreaterThan(TrustedCertificates.withDirectory(Files.createDirectory(directory.resolve("empty")))
            .getAcceptedIssuers().length);
  }

  @Test
  void withoutTheCaItsServerIsRefused() throws Exception {
    ThrowawayCa ca = ThrowawayCa.create(directory);
    X509Certificate[] chain = chainOf(ca);

    X509TrustManager trust = TrustedCertificates.withDirectory(Files.createDirectory(directory.resolve("empty")));

    assertThatThrownBy(() -> trust.checkServerTrusted(chain, "RSA")).isInstanceOf(CertificateException.class);
  }

  @Test
  void aFileThatIsNoCertificateIsNamed() throws Exception {
    Files.writeString(directory.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");

    assertThatThrownBy(() -> TrustedCertificates.withDirectory(directory))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("could not import certificate broken.pem");
  }

  private static X509Certificate[] chainOf(ThrowawayCa ca) throws Exception {
    try (InputStream pem = Files.newInputStream(ca.chainFile())) {
      return CertificateFactory.getInstance("X.509").generateCertificates(pem).toArray(X509Certificate[]::new);
    }
  }
}
