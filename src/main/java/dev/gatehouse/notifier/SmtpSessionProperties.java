package dev.gatehouse.notifier;

import dev.gatehouse.config.schema.NotifierConfig;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Translates {@code notifier.smtp} into Jakarta Mail session properties. */
final class SmtpSessionProperties {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private SmtpSessionProperties() {
  }

  static Properties of(NotifierConfig.Smtp config, SmtpEndpoint endpoint, String senderAddress) {
    Properties properties = new Properties();
    String timeoutMillis = Long.toString(timeoutOf(config).toMillis());
    boolean starttls = !endpoint.implicitTls() && !config.disableStarttls();

    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", endpoint.host());
    properties.put("mail.smtp.port", Integer.toString(endpoint.port()));
    properties.put("mail.smtp.connectiontimeout", timeoutMillis);
    properties.put("mail.smtp.timeout", timeoutMillis);
    properties.put("mail.smtp.writetimeout", timeoutMillis);
    properties.put("mail.smtp.auth", Boolean.toString(hasText(config.username())));
    properties.put("mail.smtp.ssl.enable", Boolean.toString(endpoint.implicitTls()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
    properties.put("mail.smtp.starttls.required", Boolean.toString(starttls && !config.disableRequireTls()));
    properties.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(!config.tlsSkipVerify()));
    if (config.tlsSkipVerify()) {
      // Used for implicit TLS and for the STARTTLS upgrade alike.
      properties.put("mail.smtp.ssl.socketFactory", trustingSocketFactory());
    }
    if (hasText(config.identifier())) {
      properties.put("mail.smtp.localhost", config.identifier());
    }
    // Jakarta Mail builds the Message-ID's domain from mail.from, as Authelia uses the sender's domain.
    properties.put("mail.from", senderAddress);
    return properties;
  }

  private static Duration timeoutOf(NotifierConfig.Smtp config) {
    return config.timeout() == null || config.timeout().isZero() ? DEFAULT_TIMEOUT : config.timeout();
  }

  static boolean hasText(String value) {
    return value != null && !value.isEmpty();
  }

  private static SSLSocketFactory trustingSocketFactory() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEveryCertificate()}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("notifier: smtp: TLS is not available in this JVM", e);
    }
  }

  private static final class TrustEveryCertificate implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
