package dev.gatehouse.storage;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Superseded refresh tokens by digest; rows of a removed grant go with it (on delete cascade). */
public interface SupersededRefreshTokenRepository extends JpaRepository<SupersededRefreshTokenEntity, String> {

  /** Forgets a grant's superseded tokens that have expired: presenting one proves nothing more. */
  @Modifying
  @Query("delete from SupersededRefreshTokenEntity s where s.authorizationId = :authorizationId"
      + " and s.expiresAt < :now")
  void deleteExpired(@Param("authorizationId") String authorizationId, @Param("now") Instant now);
}
