package dev.gatehouse.bench;

/** A user of the provider under test; {@code totpSecret} is null until a device is enrolled. */
record Account(String username, String password, byte[] totpSecret) {

  Account withTotp(byte[] secret) {
    return new Account(username, password, secret);
  }
}
