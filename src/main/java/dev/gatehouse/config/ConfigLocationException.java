package dev.gatehouse.config;

/** The command line does not say which configuration files to read; the message is one line. */
public class ConfigLocationException extends RuntimeException {

  public ConfigLocationException(String message) {
    super(message);
  }
}
