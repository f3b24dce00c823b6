package dev.gatehouse.oidc.logout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.oidc.clients.ConfiguredClients;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class PostLogoutRedirectsTest {

  private static final String APP_BYE = "https://app.example.com/bye";
  private static final Optional<IdTokenHint> APP_HINT = Optional.of(new IdTokenHint(List.of("app")));

  private final PostLogoutRedirects redirects = new PostLogoutRedirects(new ConfiguredClients(List.of(
      client("app", APP_BYE, "https://app.example.com/bye?from=gatehouse"),
      client("other", "https://other.example.com/bye"))));

  @Test
  void registeredUriOfTheHintsClientIsFollowed() {
    assertThat(redirects.destination(request(null, APP_BYE, null), APP_HINT)).contains(APP_BYE);
  }

  @Test
  void registeredUriOfTheNamedClientIsFollowed() {
    assertThat(redirects.destination(request("app", APP_BYE, null), Optional.empty())).contains(APP_BYE);
  }

  @Test
  void stateIsAppendedEncoded() {
    assertThat(redirects.destination(request("app", APP_BYE, "a b&c"), APP_HINT))
        .contains(APP_BYE + "?state=a%20b%26c");
    assertThat(redirects.destination(request(null, "https://app.example.com/bye?from=gatehouse", "s"), APP_HINT))
        .contains("https://app.example.com/bye?from=gatehouse&state=s");
  }

  @Test
  void onlyAnExactMatchIsFollowed() {
    for (String near : List.of(APP_BYE + "/", APP_BYE + "?x=1", "https://APP.example.com/bye",
        "http://app.example.com/bye", "https://app.example.com/bye/../evil", "https://evil.example.com/bye")) {
      assertThat(redirects.destination(request(null, near, null), APP_HINT)).as(near).isEmpty();
    }
  }

  @Test
  void uriOfAnotherClientIsNotFollowed() {
    assertThat(redirects.destination(request("other", APP_BYE, null), Optional.empty())).isEmpty();
  }

  @Test
  void withoutAClientNothingIsFollowed() {
    assertThat(redirects.destination(request(null, APP_BYE, null), Optional.empty())).isEmpty();
    assertThat(redirects.destination(request("nobody", APP_BYE, null), Optional.empty())).isEmpty();
    assertThat(redirects.destination(request(null, APP_BYE, null),
        Optional.of(new IdTokenHint(List.of("app", "other"))))).isEmpty();
  }

  @Test
  void clientIdMustBeAnAudienceOfTheHint() {
    assertThatThrownBy(() -> redirects.destination(request("other", null, null), APP_HINT))
        .isInstanceOf(InvalidEndSessionRequest.class)
        .hasMessageContaining("client_id");
    assertThat(redirects.destination(request("app", APP_BYE, null),
        Optional.of(new IdTokenHint(List.of("other", "app"))))).contains(APP_BYE);
  }

  @Test
  void withoutARedirectNothingIsFollowed() {
    assertThat(redirects.destination(request("app", null, "s"), APP_HINT)).isEmpty();
  }

  private static EndSessionRequest request(String clientId, String postLogoutRedirectUri, String state) {
    return new EndSessionRequest(null, clientId, postLogoutRedirectUri, state);
  }

  private static RegisteredClient client(String clientId, String... postLogoutRedirectUris) {
    return RegisteredClient.withId(clientId).clientId(clientId)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("https://" + clientId + ".example.com/callback")
        .postLogoutRedirectUris(uris -> uris.addAll(List.of(postLogoutRedirectUris)))
        .build();
  }
}
