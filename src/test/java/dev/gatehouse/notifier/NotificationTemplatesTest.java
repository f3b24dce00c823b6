package dev.gatehouse.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTest {

  @Test
  void oneTimeCodeMessageHasGreetingRequestCodeValidityAndWarning() {
    Message message = NotificationTemplates.oneTimeCode("John Doe", "add a TOTP device", "ABCD2346",
        Duration.ofMinutes(5), "192.0.2.7");

    assertThat(message.title()).isEqualTo("Confirm your identity");
    assertThat(message.plainText())
        .contains("Hi John Doe,")
        .contains("You asked to add a TOTP device.")
        .contains("----------------------------------------\n\nABCD2346\n\n----------------------------------------")
        .contains("valid for 5 minutes")
        .contains("If you did not ask for this, ignore this message")
        .contains("change it")
        .contains("192.0.2.7");
    assertThat(message.html()).contains("Hi John Doe,", "ABCD2346", "valid for 5 minutes", "add a TOTP device");
  }

  @Test
  void htmlEscapesWhatTheUserControls() {
    Message message = NotificationTemplates.oneTimeCode("<b>Eve</b> & co", "add a TOTP device", "ABCD2346",
        Duration.ofMinutes(5), "192.0.2.7");

    assertThat(message.html()).contains("Hi &lt;b&gt;Eve&lt;/b&gt; &amp; co,").doesNotContain("<b>Eve");
    assertThat(message.plainText()).contains("Hi <b>Eve</b> & co,");
  }

  @Test
  void eventMessageNamesTheChange() {
    Message added = NotificationTemplates.event("John Doe", AccountEvent.TOTP_DEVICE_ADDED, "192.0.2.7");
    Message removed = NotificationTemplates.event(null, AccountEvent.TOTP_DEVICE_REMOVED, "192.0.2.7");

    assertThat(added.title()).isEqualTo("Second Factor Method Added");
    assertThat(added.plainText()).startsWith("Second Factor Method Added\n\nHi John Doe,")
        .contains("a one-time password device was added to your account.")
        .contains("Action: Second Factor Method Added", "Category: One-Time Password", "change your password");
    assertThat(added.html()).contains("was added to your account");
    assertThat(removed.title()).isEqualTo("Second Factor Method Removed");
    assertThat(removed.plainText()).contains("Hi,", "was removed from your account.");
  }

  @Test
  void durationsReadNaturally() {
    assertThat(NotificationTemplates.describe(Duration.ofMinutes(5))).isEqualTo("5 minutes");
    assertThat(NotificationTemplates.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
    assertThat(NotificationTemplates.describe(Duration.ofHours(2))).isEqualTo("2 hours");
    assertThat(NotificationTemplates.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
  }
}
