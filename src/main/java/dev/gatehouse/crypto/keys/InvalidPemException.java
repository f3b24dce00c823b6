package dev.gatehouse.crypto.keys;

/** PEM text that is not the key or certificate it should be; the message says what it is instead. */
public class InvalidPemException extends RuntimeException {

  public InvalidPemException(String message) {
    super(message);
  }

  public InvalidPemException(String message, Throwable cause) {
    super(message, cause);
  }
}
