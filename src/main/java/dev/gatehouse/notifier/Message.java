package dev.gatehouse.notifier;

import java.util.Objects;

/**
 * One notification: {@code title} becomes the subject, {@code plainText} the body; {@code html} is an optional
 * alternative body for mail clients (null for none).
 */
public record Message(String title, String plainText, String html) {

  public Message {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(plainText, "plainText");
  }

  public Message(String title, String plainText) {
    this(title, plainText, null);
  }
}
