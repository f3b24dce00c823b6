package dev.gatehouse.totp;

import dev.gatehouse.storage.EncryptedValues;
import dev.gatehouse.storage.StorageEncryption;
import dev.gatehouse.storage.TotpConfigurationRow;
import dev.gatehouse.storage.TotpConfigurationRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/** The users' TOTP devices in storage, secrets encrypted with {@code storage.encryption_key}. */
public class TotpDevices {

  private final TotpConfigurationRepository repository;
  private final StorageEncryption encryption;
  private final Clock clock;

  public TotpDevices(TotpConfigurationRepository repository, StorageEncryption encryption, Clock clock) {
    this.repository = repository;
    this.encryption = encryption;
    this.clock = clock;
  }

  public Optional<TotpDevice> find(String username) {
    return repository.find(username).map(this::toDevice);
  }

  public boolean has(String username) {
    return repository.exists(username);
  }

  /** Enrols a device, replacing the user's previous one. */
  @Transactional
  public void save(String username, String issuer, TotpParameters parameters, byte[] secret) {
    restore(new TotpDevice(username, issuer, parameters, secret, clock.instant(), null));
  }

  /** Stores a device as it was elsewhere (an import), its times included, replacing the user's previous one. */
  @Transactional
  public void restore(TotpDevice device) {
    TotpParameters parameters = device.parameters();
    repository.save(new TotpConfigurationRow(device.username(), device.issuer(), parameters.algorithm().name(),
        parameters.digits(), parameters.period(), encryption.encrypt(device.secret(), location(device.username())),
        device.createdAt(), device.lastUsedAt()));
  }

  /** Every user's device, secrets decrypted: for an export. */
  public List<TotpDevice> all() {
    return repository.all().stream().map(this::toDevice).toList();
  }

  @Transactional
  public void recordUse(String username) {
    repository.recordUse(username, clock.instant());
  }

  @Transactional
  public void remove(String username) {
    repository.delete(username);
  }

  private TotpDevice toDevice(TotpConfigurationRow row) {
    TotpParameters parameters = new TotpParameters(TotpAlgorithm.parse(row.algorithm()), row.digits(), row.period());
    byte[] secret = encryption.decrypt(row.encryptedSecret(), location(row.username()));
    return new TotpDevice(row.username(), row.issuer(), parameters, secret, row.createdAt(), row.lastUsedAt());
  }

  private static String location(String username) {
    return EncryptedValues.TOTP_SECRETS.location(username);
  }
}
