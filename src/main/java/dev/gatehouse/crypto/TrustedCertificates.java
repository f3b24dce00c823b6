package dev.gatehouse.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities Gatehouse trusts when it connects to a server over TLS (a directory): the
 * JVM's own, plus every PEM certificate in Authelia's {@code certificates_directory}, read as Authelia
 * reads it (the files ending in .cer, .crt or .pem; subdirectories are not read).
 */
public final class TrustedCertificates {

  private static final List<String> EXTENSIONS = List.of(".cer", ".crt", ".pem");

  private TrustedCertificates() {
  }

  /** The JVM's CAs and those of {@code directory}; null (the JVM's own) when no directory is configured. */
  public static X509TrustManager withDirectoryIfAny(Path directory) {
    return directory == null ? null : withDirectory(directory);
  }

  /**
   * The JVM's CAs and those of {@code directory}.
   *
   * @throws IllegalArgumentException naming the file, for a file that holds no certificate Java can read,
   *     or when the directory cannot be read
   */
  public static X509TrustManager withDirectory(Path directory) {
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int index = 0;
      for (X509Certificate authority : jvmDefault().getAcceptedIssuers()) {
        anchors.setCertificateEntry("jvm-" + index++, authority);
      }
      for (Path file : certificateFiles(directory)) {
        for (Certificate certificate : read(file)) {
          anchors.setCertificateEntry("directory-" + index++, certificate);
        }
      }
      return trustManager(anchors);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("could not read certificates from directory '" + directory + "': "
          + e.getMessage(), e);
    }
  }

  private static List<Path> certificateFiles(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isRegularFile).filter(TrustedCertificates::isCertificateFile).sorted().toList();
    }
  }

  private static boolean isCertificateFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static Collection<? extends Certificate> read(Path file) throws IOException {
    try (InputStream pem = Files.newInputStream(file)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(pem);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("could not import certificate " + file.getFileName());
      }
      return new ArrayList<>(certificates);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("could not import certificate " + file.getFileName(), e);
    }
  }

  private static X509TrustManager jvmDefault() throws GeneralSecurityException {
    return trustManager(null);
  }

  private static X509TrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JVM has no X.509 trust manager");
  }
}
