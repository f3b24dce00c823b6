package dev.gatehouse.crypto;

/**
 * An encoded password digest that cannot be parsed. The message says what is wrong in plain words and never repeats
 * the secret, salt or hash, so it is safe to log and to show in configuration errors.
 */
public class MalformedDigestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MalformedDigestException(String message) {
    super(message);
  }
}
