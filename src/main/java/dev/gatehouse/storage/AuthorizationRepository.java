package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;
import static dev.gatehouse.storage.Timestamps.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Grants in oauth2_authorization, saved by compare-and-set on their version, and looked up by the
 * digest of any of their codes and tokens: a state or code through the index of its column; an
 * access, refresh or ID token by the grant id it names (see GrantBoundTokens in oidc.grants), or else
 * through oauth2_token_digest, where the digests of tokens that name no grant are recorded. The
 * refresh tokens that rotation replaced are in oauth2_superseded_refresh_token. The rows of both
 * tables go with their grant (on delete cascade).
 */
public class AuthorizationRepository {

  /** A digest column of oauth2_authorization, and the OAuth name of the value it holds the digest of. */
  public enum Digest {
    STATE("state_hash", "state", false),
    CODE("authorization_code_hash", "code", false),
    ACCESS_TOKEN("access_token_hash", "access_token", true),
    REFRESH_TOKEN("refresh_token_hash", "refresh_token", true),
    ID_TOKEN("oidc_id_token_hash", "id_token", true);

    /** The order in which a token of unknown type is tried: the kinds most often looked up first. */
    public static final List<Digest> ANY_ORDER = List.of(ACCESS_TOKEN, REFRESH_TOKEN, CODE, ID_TOKEN, STATE);

    private final String column;
    private final String tokenType;
    /** A token issued at the token endpoint: its column has no index, see the class. */
    private final boolean issued;

    Digest(String column, String tokenType, boolean issued) {
      this.column = column;
      this.tokenType = tokenType;
      this.issued = issued;
    }

    public boolean issued() {
      return issued;
    }

    /** The token type (an {@code OAuth2TokenType} value) whose digest the column holds. */
    public String tokenType() {
      return tokenType;
    }

    public static Optional<Digest> ofTokenType(String tokenType) {
      return Arrays.stream(values()).filter(digest -> digest.tokenType.equals(tokenType)).findFirst();
    }
  }

  private static final String SELECT = "select * from oauth2_authorization where ";
  /** The columns of the tokens issued for a grant, as the list of an {@code in}. */
  private static final String ISSUED_COLUMNS = Arrays.stream(Digest.values()).filter(Digest::issued)
      .map(digest -> digest.column).collect(Collectors.joining(", ", "(", ")"));
  /**
   * A grant by a digest recorded for it, which must still be one of its tokens' digests: a recorded
   * token that rotation has since replaced stays in oauth2_token_digest until the grant goes.
   */
  private static final String SELECT_BY_RECORDED_DIGEST = "select a.* from oauth2_token_digest d"
      + " join oauth2_authorization a on a.id = d.authorization_id where d.token_hash = ? and d.token_hash";
  /**
   * For a token of unknown type (introspection and revocation without a usable hint) that names no
   * grant. One branch per index, so that each uses its own: an OR across the columns makes H2 scan
   * the table.
   */
  private static final String ANY_DIGEST = SELECT_BY_RECORDED_DIGEST + " in " + ISSUED_COLUMNS
      + " union all " + SELECT + Digest.CODE.column + " = ?"
      + " union all " + SELECT + Digest.STATE.column + " = ?";
  private static final String ANY_ISSUED_DIGEST = SELECT + "id = ? and ? in " + ISSUED_COLUMNS;
  private static final String VALUES = "registered_client_id = ?, principal_name = ?, authorization_grant_type = ?,"
      + " authorized_scopes = ?, attributes = ?, state_hash = ?,"
      + " authorization_code_hash = ?, authorization_code_issued_at = ?, authorization_code_expires_at = ?,"
      + " authorization_code_metadata = ?,"
      + " access_token_hash = ?, access_token_issued_at = ?, access_token_expires_at = ?, access_token_metadata = ?,"
      + " access_token_type = ?, access_token_scopes = ?,"
      + " refresh_token_hash = ?, refresh_token_issued_at = ?, refresh_token_expires_at = ?,"
      + " refresh_token_metadata = ?,"
      + " oidc_id_token_hash = ?, oidc_id_token_issued_at = ?, oidc_id_token_expires_at = ?,"
      + " oidc_id_token_metadata = ?";
  private static final String UPDATE = "update oauth2_authorization set " + VALUES + ", version = ?"
      + " where id = ? and version = ?";
  private static final String INSERT = "insert into oauth2_authorization (" + VALUES.replace(" = ?", "")
      + ", version, id) values (" + "?, ".repeat(25) + "?)";
  private static final RowMapper<AuthorizationRow> ROW = AuthorizationRepository::row;

  private final JdbcTemplate jdbc;

  public AuthorizationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The grant holding the digest {@code hash} of this kind, through the index or the table that serves the kind. */
  public Optional<AuthorizationRow> findBy(Digest digest, String hash) {
    if (digest.issued) {
      return first(jdbc.query(SELECT_BY_RECORDED_DIGEST + " = a." + digest.column, ROW, hash));
    }
    return first(jdbc.query(SELECT + digest.column + " = ?", ROW, hash));
  }

  /** The grant {@code grantId}, if it holds the digest {@code hash} of this kind. */
  public Optional<AuthorizationRow> findByIdAndDigest(String grantId, Digest digest, String hash) {
    return first(jdbc.query(SELECT + "id = ? and " + digest.column + " = ?", ROW, grantId, hash));
  }

  public Optional<AuthorizationRow> findByAnyDigest(String hash) {
    return first(jdbc.query(ANY_DIGEST, ROW, hash, hash, hash));
  }

  /** The grant {@code grantId}, if one of the tokens issued for it has the digest {@code hash}. */
  public Optional<AuthorizationRow> findByIdAndAnyIssuedDigest(String grantId, String hash) {
    return first(jdbc.query(ANY_ISSUED_DIGEST, ROW, grantId, hash));
  }

  /** Records the digests of tokens issued for the grant that do not name it, so that they can be found. */
  public void recordDigests(String grantId, List<String> hashes) {
    for (String hash : hashes) {
      jdbc.update("insert into oauth2_token_digest (token_hash, authorization_id) values (?, ?)", hash, grantId);
    }
  }

  public Optional<AuthorizationRow> findById(String id) {
    return first(jdbc.query(SELECT + "id = ?", ROW, id));
  }

  /** Stores a new grant; its id must not be taken. */
  public void insert(AuthorizationRow grant) {
    try {
      jdbc.update(INSERT, values(grant));
    } catch (DuplicateKeyException taken) {
      throw new GrantConflictException(grant.getId(), taken);
    }
  }

  /**
   * Replaces the stored grant by {@code grant}, whose version must be the stored one plus one: if
   * another save came first, or the grant was removed, nothing changes and this throws. The row
   * lock the update takes makes concurrent saves of one version wait for each other, and the one
   * that waited then finds the version moved on.
   */
  public void update(AuthorizationRow grant) {
    Object[] columns = values(grant);
    Object[] values = Arrays.copyOf(columns, columns.length + 1);
    values[columns.length] = grant.getVersion() - 1;
    int updated;
    try {
      updated = jdbc.update(UPDATE, values);
    } catch (ConcurrencyFailureException lost) {
      throw new GrantConflictException(grant.getId(), lost);
    }
    if (updated == 0) {
      throw new GrantConflictException(grant.getId(), null);
    }
  }

  /**
   * Keeps a refresh token that rotation replaced as superseded, and forgets the grant's superseded
   * tokens expired by {@code now}: presenting one proves nothing more. Called by the one save that
   * replaced it, so the token is recorded once.
   */
  public void supersede(String grantId, String refreshTokenHash, Instant expiresAt, Instant now) {
    jdbc.update("delete from oauth2_superseded_refresh_token where authorization_id = ? and expires_at < ?",
        grantId, of(now));
    jdbc.update("insert into oauth2_superseded_refresh_token (token_hash, authorization_id, expires_at)"
        + " values (?, ?, ?)", refreshTokenHash, grantId, of(expiresAt));
  }

  public void deleteById(String id) {
    jdbc.update("delete from oauth2_authorization where id = ?", id);
  }

  /** The id of the grant whose refresh token with this digest rotation replaced, if one did. */
  public Optional<String> findGrantOfSupersededRefreshToken(String hash) {
    return first(jdbc.queryForList("select authorization_id from oauth2_superseded_refresh_token where token_hash = ?",
        String.class, hash));
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static Object[] values(AuthorizationRow grant) {
    return new Object[] {grant.getRegisteredClientId(), grant.getPrincipalName(), grant.getAuthorizationGrantType(),
        grant.getAuthorizedScopes(), grant.getAttributes(), grant.getStateHash(),
        grant.getAuthorizationCodeHash(), of(grant.getAuthorizationCodeIssuedAt()),
        of(grant.getAuthorizationCodeExpiresAt()), grant.getAuthorizationCodeMetadata(),
        grant.getAccessTokenHash(), of(grant.getAccessTokenIssuedAt()), of(grant.getAccessTokenExpiresAt()),
        grant.getAccessTokenMetadata(), grant.getAccessTokenType(), grant.getAccessTokenScopes(),
        grant.getRefreshTokenHash(), of(grant.getRefreshTokenIssuedAt()), of(grant.getRefreshTokenExpiresAt()),
        grant.getRefreshTokenMetadata(),
        grant.getOidcIdTokenHash(), of(grant.getOidcIdTokenIssuedAt()), of(grant.getOidcIdTokenExpiresAt()),
        grant.getOidcIdTokenMetadata(),
        grant.getVersion(), grant.getId()};
  }

  private static AuthorizationRow row(ResultSet rs, int number) throws SQLException {
    AuthorizationRow grant = new AuthorizationRow();
    grant.setId(rs.getString("id"));
    grant.setRegisteredClientId(rs.getString("registered_client_id"));
    grant.setPrincipalName(rs.getString("principal_name"));
    grant.setAuthorizationGrantType(rs.getString("authorization_grant_type"));
    grant.setAuthorizedScopes(rs.getString("authorized_scopes"));
    grant.setAttributes(rs.getString("attributes"));
    grant.setStateHash(rs.getString("state_hash"));
    grant.setAuthorizationCodeHash(rs.getString("authorization_code_hash"));
    grant.setAuthorizationCodeIssuedAt(read(rs, "authorization_code_issued_at"));
    grant.setAuthorizationCodeExpiresAt(read(rs, "authorization_code_expires_at"));
    grant.setAuthorizationCodeMetadata(rs.getString("authorization_code_metadata"));
    grant.setAccessTokenHash(rs.getString("access_token_hash"));
    grant.setAccessTokenIssuedAt(read(rs, "access_token_issued_at"));
    grant.setAccessTokenExpiresAt(read(rs, "access_token_expires_at"));
    grant.setAccessTokenMetadata(rs.getString("access_token_metadata"));
    grant.setAccessTokenType(rs.getString("access_token_type"));
    grant.setAccessTokenScopes(rs.getString("access_token_scopes"));
    grant.setRefreshTokenHash(rs.getString("refresh_token_hash"));
    grant.setRefreshTokenIssuedAt(read(rs, "refresh_token_issued_at"));
    grant.setRefreshTokenExpiresAt(read(rs, "refresh_token_expires_at"));
    grant.setRefreshTokenMetadata(rs.getString("refresh_token_metadata"));
    grant.setOidcIdTokenHash(rs.getString("oidc_id_token_hash"));
    grant.setOidcIdTokenIssuedAt(read(rs, "oidc_id_token_issued_at"));
    grant.setOidcIdTokenExpiresAt(read(rs, "oidc_id_token_expires_at"));
    grant.setOidcIdTokenMetadata(rs.getString("oidc_id_token_metadata"));
    grant.setVersion(rs.getLong("version"));
    return grant;
  }
}
