package dev.gatehouse.storage;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OpaqueIdentifierRepository extends JpaRepository<OpaqueIdentifierEntity, String> {

  Optional<OpaqueIdentifierEntity> findByServiceAndSectorIdAndUsername(String service, String sectorId,
      String username);
}
