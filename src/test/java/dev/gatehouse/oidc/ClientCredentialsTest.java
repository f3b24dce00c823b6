package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_SECRET;
import static dev.gatehouse.testing.TestGatehouse.APP_SECRET_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client credentials token is made before its grant exists, so it cannot name the grant as the
 * tokens of a user's grant do: its digest is recorded, and introspection finds it by that, across a
 * restart too.
 */
class ClientCredentialsTest {

  private static final ClientID MACHINE = new ClientID("machine");
  private static final String CLIENTS = """
          clients:
            - client_id: 'machine'
              client_secret: '%s'
              authorization_policy: 'one_factor'
              scopes: ['backup']
              grant_types: ['client_credentials']
              redirect_uris: ['https://machine.example.com/unused']
      """.formatted(APP_SECRET_DIGEST);

  @Test
  void aClientCredentialsTokenIsFoundByItsRecordedDigest(@TempDir Path directory) throws Exception {
    TestGatehouse gatehouse = TestGatehouse.start(directory, CLIENTS);
    try {
      OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(gatehouse.baseUrl()));
      TokenResponse response = TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(),
          new ClientSecretBasic(MACHINE, new Secret(APP_SECRET)), new ClientCredentialsGrant(), new Scope("backup"))
          .toHTTPRequest().send());
      assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
      AccessToken token = ((AccessTokenResponse) response).getTokens().getAccessToken();
      assertThat(token.getValue()).doesNotContain(".");

      assertThat(introspect(provider, token).isActive()).isTrue();
      gatehouse = gatehouse.restart();
      TokenIntrospectionSuccessResponse afterRestart = introspect(provider, token);
      assertThat(afterRestart.isActive()).isTrue();
      assertThat(afterRestart.getScope()).isEqualTo(new Scope("backup"));
      assertThat(afterRestart.getClientID()).isEqualTo(MACHINE);
    } finally {
      gatehouse.close();
    }
  }

  private static TokenIntrospectionSuccessResponse introspect(OIDCProviderMetadata provider, AccessToken token)
      throws Exception {
    return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(provider.getIntrospectionEndpointURI(),
        new ClientSecretBasic(MACHINE, new Secret(APP_SECRET)), token).toHTTPRequest().send()).toSuccessResponse();
  }
}
