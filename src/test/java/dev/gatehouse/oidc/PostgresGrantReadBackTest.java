package dev.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.TestStorage;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grants read back from PostgreSQL, where no process keeps them in memory. */
class PostgresGrantReadBackTest extends GrantReadBackContract {

  @Override
  TestStorage storage() {
    return TestStorage.postgres();
  }

  /** Two instances on one database, as behind a proxy that sends each request anywhere. */
  @Test
  void aCodeIssuedByOneInstanceIsRedeemedAtAnotherAndRefreshedAtTheFirst(@TempDir Path elsewhere) throws Exception {
    try (TestGatehouse other = TestGatehouse.start(elsewhere, TestGatehouse.ONE_FACTOR_CLIENTS, storageYaml)) {
      var code = signIn(new UserAgent(gatehouse.baseUrl()));
      HTTPResponse redeemed = new TokenRequest(URI.create(other.baseUrl() + "/api/oidc/token"),
          new ClientSecretBasic(APP, new Secret(TestGatehouse.APP_SECRET)),
          new AuthorizationCodeGrant(code, URI.create(TestGatehouse.APP_REDIRECT))).toHTTPRequest().send();
      assertThat(redeemed.getStatusCode()).as(redeemed.getBody()).isEqualTo(200);
      OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser.parse(redeemed).toSuccessResponse();

      HTTPResponse atOther = new UserInfoRequest(URI.create(other.baseUrl() + "/api/oidc/userinfo"),
          (BearerAccessToken) tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send();
      assertThat(atOther.getStatusCode()).isEqualTo(200);
      assertThat(JSON.readTree(userinfo(tokens))).isEqualTo(JSON.readTree(atOther.getBody()));

      OIDCTokenResponse refreshed = exchange(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()));
      assertThat(payload(refreshed).get("sub")).isEqualTo(payload(tokens).get("sub"));
      assertThat(payload(refreshed).get("auth_time")).isEqualTo(payload(tokens).get("auth_time"));
      assertThat(payload(refreshed).get("sid")).isEqualTo(payload(tokens).get("sid"));
    }
  }
}
