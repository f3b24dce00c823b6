package dev.gatehouse.notifier;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Who a message goes to; {@code name} (the display name) may be null or blank. */
public record Recipient(String name, String email) {

  public Recipient {
    Objects.requireNonNull(email, "email");
    if (email.isBlank()) {
      throw new IllegalArgumentException("a recipient needs an e-mail address");
    }
  }

  boolean hasName() {
    return name != null && !name.isBlank();
  }

  /**
   * The address as Authelia prints it: {@code "Name" <email>}, or {@code <email>} without a name. A name that is not
   * printable ASCII is RFC 2047 encoded, as Go's {@code mail.Address.String()} does.
   */
  public String toHeaderValue() {
    String address = "<" + email + ">";
    if (!hasName()) {
      return address;
    }
    if (name.chars().allMatch(Recipient::isPrintableAsciiOrBlank)) {
      return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" " + address;
    }
    return encodedName() + " " + address;
  }

  private String encodedName() {
    // Q encoding keeps the name half readable, but RFC 2047 forbids these characters in a Q-encoded phrase.
    String encoding = name.chars().anyMatch(c -> "\"#$%&'(),.:;<>@[]^`{|}~".indexOf(c) >= 0) ? "B" : "Q";
    try {
      return MimeUtility.encodeWord(name, "UTF-8", encoding);
    } catch (UnsupportedEncodingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isPrintableAsciiOrBlank(int c) {
    return (c >= 0x21 && c <= 0x7E) || c == ' ' || c == '\t';
  }
}
