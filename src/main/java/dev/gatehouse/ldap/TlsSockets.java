package dev.gatehouse.ldap;

import com.unboundid.util.ssl.AggregateTrustManager;
import com.unboundid.util.ssl.HostNameTrustManager;
import com.unboundid.util.ssl.TrustAllTrustManager;
import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.config.schema.TlsVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS sockets of {@code ldaps://} and StartTLS, as Authelia's {@code ldap.tls} makes them: the
 * certificate must chain to a trusted CA and name {@code server_name} (the address's host by default),
 * which is also sent as SNI, and only the versions from {@code minimum_version} to {@code maximum_version}
 * are offered. {@code skip_verify} trusts any certificate.
 */
final class TlsSockets extends SSLSocketFactory {

  private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

  private final SSLSocketFactory delegate;
  private final String serverName;
  private final String[] protocols;

  private TlsSockets(SSLSocketFactory delegate, String serverName, String[] protocols) {
    this.delegate = delegate;
    this.serverName = serverName;
    this.protocols = protocols;
  }

  /**
   * @param trust the CAs to trust, for a private CA (Authelia's {@code certificates_directory}); null for the
   *     JVM's default CAs
   */
  static TlsSockets of(SessionConfig.Tls tls, String host, X509TrustManager trust) {
    String serverName = tls.serverName() == null || tls.serverName().isEmpty() ? host : tls.serverName();
    X509TrustManager verifier = tls.skipVerify() ? new TrustAllTrustManager()
        : new AggregateTrustManager(true, trust == null ? jvmDefault() : trust,
            new HostNameTrustManager(true, serverName));
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {verifier}, null);
      return new TlsSockets(context.getSocketFactory(), serverName, protocols(context, tls));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS for the LDAP directory", e);
    }
  }

  private static String[] protocols(SSLContext context, SessionConfig.Tls tls) {
    TlsVersion minimum = tls.minimumVersion() == null ? TlsVersion.TLS_1_2 : tls.minimumVersion();
    TlsVersion maximum = tls.maximumVersion() == null ? TlsVersion.TLS_1_3 : tls.maximumVersion();
    List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
    return Arrays.stream(TlsVersion.values())
        .filter(version -> version.compareTo(minimum) >= 0 && version.compareTo(maximum) <= 0)
        .map(TlsVersion::jdkName)
        .filter(supported::contains)
        .toArray(String[]::new);
  }

  private static X509TrustManager jvmDefault() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return (X509TrustManager) factory.getTrustManagers()[0];
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the JVM's trusted CAs", e);
    }
  }

  private Socket configure(Socket socket) {
    SSLSocket ssl = (SSLSocket) socket;
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setProtocols(protocols);
    // SNI takes host names only; an IP address is matched against the certificate all the same.
    if (!IP_ADDRESS.matcher(serverName).matches()) {
      parameters.setServerNames(List.of(new SNIHostName(serverName)));
    }
    ssl.setSSLParameters(parameters);
    return ssl;
  }

  @Override
  public Socket createSocket() throws IOException {
    return configure(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    return configure(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return configure(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return configure(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }
}
