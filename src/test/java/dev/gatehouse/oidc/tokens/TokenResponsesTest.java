package dev.gatehouse.oidc.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import tools.jackson.databind.json.JsonMapper;

class TokenResponsesTest {

  private static final Instant ISSUED = Instant.parse("2026-12-04T12:00:00Z");
  private static final RegisteredClient CLIENT = RegisteredClient.withId("app").clientId("app")
      .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
      .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
      .redirectUri("https://app.example.com/cb").build();

  @Test
  void writesEveryMemberOfTheExchangeAnswer() throws Exception {
    var access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at-value", ISSUED,
        ISSUED.plusSeconds(3600), Set.of("openid", "profile"));
    var refresh = new OAuth2RefreshToken("rt-value", ISSUED, ISSUED.plusSeconds(5400));

    MockHttpServletResponse response = answer(new OAuth2AccessTokenAuthenticationToken(CLIENT, client(), access,
        refresh, Map.of("id_token", "header.payload.signature")));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("application/json");
    Map<String, Object> body = body(response);
    assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in", "scope", "refresh_token", "id_token");
    assertThat(body.get("access_token")).isEqualTo("at-value");
    assertThat(body.get("token_type")).isEqualTo("Bearer");
    assertThat(body.get("expires_in")).isEqualTo(3600);
    assertThat(((String) body.get("scope")).split(" ")).containsExactlyInAnyOrder("openid", "profile");
    assertThat(body.get("refresh_token")).isEqualTo("rt-value");
    assertThat(body.get("id_token")).isEqualTo("header.payload.signature");
  }

  @Test
  void leavesOutWhatTheGrantDidNotGive() throws Exception {
    var access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at \"quoted\"", ISSUED,
        ISSUED.plusSeconds(60), Set.of());

    MockHttpServletResponse response = answer(new OAuth2AccessTokenAuthenticationToken(CLIENT, client(), access));

    Map<String, Object> body = body(response);
    assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in");
    assertThat(body.get("access_token")).isEqualTo("at \"quoted\"");
    assertThat(body.get("expires_in")).isEqualTo(60);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(MockHttpServletResponse response) {
    return JsonMapper.builder().build().readValue(response.getContentAsByteArray(), Map.class);
  }

  private static OAuth2ClientAuthenticationToken client() {
    return new OAuth2ClientAuthenticationToken(CLIENT, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "secret");
  }

  private static MockHttpServletResponse answer(OAuth2AccessTokenAuthenticationToken tokens) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new TokenResponses().onAuthenticationSuccess(new MockHttpServletRequest(), response, tokens);
    return response;
  }
}
