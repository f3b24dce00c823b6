package dev.gatehouse.totp;

import dev.gatehouse.storage.StorageEncryption;
import dev.gatehouse.storage.TotpConfigurationEntity;
import dev.gatehouse.storage.TotpConfigurationRepository;
import java.time.Clock;
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
    return repository.findById(username).map(this::toDevice);
  }

  public boolean has(String username) {
    return repository.existsById(username);
  }

  /** Enrols a device, replacing the user's previous one. */
  @Transactional
  public void save(String username, String issuer, TotpParameters parameters, byte[] secret) {
    repository.deleteById(username);
    repository.flush();
    repository.save(new TotpConfigurationEntity(username, issuer, parameters.algorithm().name(),
        parameters.digits(), parameters.period(), encryption.encrypt(secret, location(username)),
        clock.instant()));
  }

  @Transactional
  public void recordUse(String username) {
    repository.findById(username).ifPresent(entity -> entity.setLastUsedAt(clock.instant()));
  }

  @Transactional
  public void remove(String username) {
    repository.deleteById(username);
  }

  private TotpDevice toDevice(TotpConfigurationEntity entity) {
    TotpParameters parameters = new TotpParameters(TotpAlgorithm.parse(entity.getAlgorithm()),
        entity.getDigits(), entity.getPeriod());
    byte[] secret = encryption.decrypt(entity.getEncryptedSecret(), location(entity.getUsername()));
    return new TotpDevice(entity.getUsername(), entity.getIssuer(), parameters, secret, entity.getCreatedAt());
  }

  private static String location(String username) {
    return "totp_configuration:encrypted_secret:" + username;
  }
}
