package dev.gatehouse.oidc.grants;

import dev.gatehouse.storage.AuthorizationRow;
import java.time.Instant;

/**
 * Which stored version of a grant an {@code OAuth2Authorization} was read at, and the refresh token
 * it had then. It rides among the grant's attributes, because Spring Authorization Server builds
 * every change of a grant with {@code OAuth2Authorization.from(read)}, which copies them: so the
 * save that follows knows which version it replaces and which refresh token it supersedes. It is
 * never written into the attributes column.
 */
record StoredVersion(long version, String refreshTokenHash, Instant refreshTokenExpiresAt) {

  static final String ATTRIBUTE = StoredVersion.class.getName();

  static StoredVersion of(AuthorizationRow row) {
    return new StoredVersion(row.getVersion(), row.getRefreshTokenHash(), row.getRefreshTokenExpiresAt());
  }
}
