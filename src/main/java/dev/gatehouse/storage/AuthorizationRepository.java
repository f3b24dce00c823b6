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

  /**
   * For a token of unknown type (introspection and revocation without a usable hint). One branch per
   * digest column, so that each uses its index: an OR across the columns makes H2 scan the table.
   */
  @Query(nativeQuery = true, value = "select * from oauth2_authorization where access_token_hash = :hash"
      + " union all select * from oauth2_authorization where refresh_token_hash = :hash"
      + " union all select * from oauth2_authorization where authorization_code_hash = :hash"
      + " union all select * from oauth2_authorization where oidc_id_token_hash = :hash"
      + " union all select * from oauth2_authorization where state_hash = :hash"
      + " limit 1")
  Optional<AuthorizationEntity> findByAnyTokenHash(@Param("hash") String hash);
}
