package dev.gatehouse.notifier;

import static dev.gatehouse.notifier.SmtpConfigs.smtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.schema.NotifierConfig;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** The TLS modes GreenMail cannot show end to end, since its SMTP server has no STARTTLS. */
class SmtpSessionPropertiesTest {

  @Test
  void smtpRequiresStarttlsByDefault() {
    Properties properties = propertiesOf(smtp(0).build());

    assertThat(properties)
        .containsEntry("mail.smtp.port", "25")
        .containsEntry("mail.smtp.ssl.enable", "false")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .containsEntry("mail.smtp.auth", "false")
        .containsEntry("mail.smtp.localhost", "gatehouse.test")
        .containsEntry("mail.smtp.connectiontimeout", "2000")
        .containsEntry("mail.smtp.timeout", "2000")
        .containsEntry("mail.smtp.writetimeout", "2000")
        .doesNotContainKey("mail.smtp.ssl.socketFactory");
  }

  @Test
  void submissionUsesPort587WithStarttls() {
    assertThat(propertiesOf(smtp(0).scheme("submission").build()))
        .containsEntry("mail.smtp.port", "587")
        .containsEntry("mail.smtp.starttls.required", "true");
  }

  @Test
  void disableRequireTlsUpgradesOnlyWhenOffered() {
    assertThat(propertiesOf(smtp(2525).disableRequireTls().build()))
        .containsEntry("mail.smtp.port", "2525")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "false");
  }

  @Test
  void disableStarttlsNeverUpgrades() {
    assertThat(propertiesOf(smtp(0).disableStarttls().build()))
        .containsEntry("mail.smtp.starttls.enable", "false")
        .containsEntry("mail.smtp.starttls.required", "false");
  }

  @Test
  void submissionsUsesImplicitTlsOn465() {
    assertThat(propertiesOf(smtp(0).scheme("submissions").build()))
        .containsEntry("mail.smtp.port", "465")
        .containsEntry("mail.smtp.ssl.enable", "true")
        .containsEntry("mail.smtp.starttls.enable", "false");
  }

  @Test
  void tlsSkipVerifyTrustsAnyCertificateForBothTlsModes() {
    Properties properties = propertiesOf(smtp(0).tlsSkipVerify().login("relay", "pw").build());

    assertThat(properties.get("mail.smtp.ssl.socketFactory")).isInstanceOf(SSLSocketFactory.class);
    assertThat(properties)
        .containsEntry("mail.smtp.ssl.checkserveridentity", "false")
        .containsEntry("mail.smtp.auth", "true");
  }

  @Test
  void unknownSchemeIsRejected() {
    assertThatThrownBy(() -> SmtpEndpoint.of(smtp(0).scheme("smtps").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be smtp, submission or submissions, not 'smtps'");
  }

  private static Properties propertiesOf(NotifierConfig.Smtp config) {
    return SmtpSessionProperties.of(config, SmtpEndpoint.of(config), "noreply@gatehouse.test");
  }
}
