package dev.gatehouse.storage;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TotpConfigurationRepository extends JpaRepository<TotpConfigurationEntity, String> {
}
