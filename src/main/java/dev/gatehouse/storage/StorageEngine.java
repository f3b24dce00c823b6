package dev.gatehouse.storage;

import dev.gatehouse.config.schema.StorageConfig;

/** The database engine behind storage, for the few statements whose SQL differs between them. */
public enum StorageEngine {
  H2,
  POSTGRESQL;

  public static StorageEngine of(StorageConfig storage) {
    return storage.postgres() == null ? H2 : POSTGRESQL;
  }
}
