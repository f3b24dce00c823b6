package dev.gatehouse.storage;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Lookups by token digest; each column has its own index. */
public interface AuthorizationRepository extends JpaRepository<AuthorizationEntity, String> {

  Optional<AuthorizationEntity> findByStateHash(String hash);

  Optional<AuthorizationEntity> findByAuthorizationCodeHash(String hash);

  Optional<AuthorizationEntity> findByAccessTokenHash(String hash);

  Optional<AuthorizationEntity> findByRefreshTokenHash(String hash);

  Optional<AuthorizationEntity> findByOidcIdTokenHash(String hash);

  @Query("select a from AuthorizationEntity a where a.stateHash = :hash"
      + " or a.authorizationCodeHash = :hash or a.accessTokenHash = :hash"
      + " or a.refreshTokenHash = :hash or a.oidcIdTokenHash = :hash")
  Optional<AuthorizationEntity> findByAnyTokenHash(@Param("hash") String hash);
}
