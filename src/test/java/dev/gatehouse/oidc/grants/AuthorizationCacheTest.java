package dev.gatehouse.oidc.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class AuthorizationCacheTest {

  private static final RegisteredClient CLIENT = RegisteredClient.withId("librechat").clientId("librechat")
      .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
      .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
      .redirectUri("https://librechat.example.com/oauth/openid/callback").build();

  private final AuthorizationCache cache = new AuthorizationCache(2);

  @Test
  void aSavedGrantIsFoundByEachOfItsKeysAndReplacedByItsNextSave() {
    OAuth2Authorization issued = grant("g1", "alice");
    cache.saved(issued, List.of("code:c1"));
    assertThat(cache.find("code:c1")).isSameAs(issued);

    OAuth2Authorization exchanged = grant("g1", "alice");
    cache.saved(exchanged, List.of("access_token:a1", "refresh_token:r1"));
    assertThat(cache.find("access_token:a1")).isSameAs(exchanged);
    assertThat(cache.find("refresh_token:r1")).isSameAs(exchanged);
    assertThat(cache.find("code:c1")).as("the old code's key went with the old version").isNull();
  }

  @Test
  void aReadThatBeganBeforeASaveOfTheSameGrantIsNotKept() {
    long readBegan = cache.readBegins();
    OAuth2Authorization saved = grant("g1", "alice");
    cache.saved(saved, List.of("access_token:new"));
    cache.read(grant("g1", "alice"), List.of("access_token:old"), readBegan);
    assertThat(cache.find("access_token:old")).isNull();
    assertThat(cache.find("access_token:new")).isSameAs(saved);
  }

  @Test
  void aReadThatBeganBeforeARemovalIsNotKept() {
    cache.saved(grant("g1", "alice"), List.of("access_token:a1"));
    long readBegan = cache.readBegins();
    cache.removed("g1");
    cache.read(grant("g1", "alice"), List.of("access_token:a1"), readBegan);
    assertThat(cache.find("access_token:a1")).isNull();
  }

  @Test
  void aReadOfAGrantUnchangedSinceItBeganIsKept() {
    cache.saved(grant("other", "bob"), List.of("access_token:b1"));
    long readBegan = cache.readBegins();
    OAuth2Authorization read = grant("g1", "alice");
    cache.read(read, List.of("access_token:a1"), readBegan);
    assertThat(cache.find("access_token:a1")).isSameAs(read);
  }

  @Test
  void theLeastRecentlyUsedGrantLeavesFirstWhenFull() {
    cache.saved(grant("g1", "alice"), List.of("access_token:a1"));
    cache.saved(grant("g2", "bob"), List.of("access_token:b1"));
    cache.find("access_token:a1");
    cache.saved(grant("g3", "carol"), List.of("access_token:c1"));
    assertThat(cache.find("access_token:b1")).isNull();
    assertThat(cache.find("access_token:a1")).isNotNull();
    assertThat(cache.find("access_token:c1")).isNotNull();
  }

  @Test
  void aCacheOfNoGrantsKeepsNothing() {
    AuthorizationCache none = new AuthorizationCache(0);
    none.saved(grant("g1", "alice"), List.of("access_token:a1"));
    none.read(grant("g2", "bob"), List.of("access_token:b1"), none.readBegins());
    assertThat(none.enabled()).isFalse();
    assertThat(none.find("access_token:a1")).isNull();
    assertThat(none.find("access_token:b1")).isNull();
  }

  private static OAuth2Authorization grant(String id, String user) {
    return OAuth2Authorization.withRegisteredClient(CLIENT).id(id).principalName(user)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).build();
  }
}
