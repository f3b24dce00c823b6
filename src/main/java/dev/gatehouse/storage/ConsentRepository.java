package dev.gatehouse.storage;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRepository extends JpaRepository<ConsentEntity, ConsentEntity.Key> {

  Optional<ConsentEntity> findByRegisteredClientIdAndPrincipalNameAndExpiresAtAfter(String registeredClientId,
      String principalName, Instant now);
}
