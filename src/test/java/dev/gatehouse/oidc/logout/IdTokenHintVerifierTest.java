package dev.gatehouse.oidc.logout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.oidc.keys.SigningKeys;
import dev.gatehouse.oidc.tokens.IdTokenSignatures;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class IdTokenHintVerifierTest {

  private static final RSAKey OURS = key("ours");

  private final InMemoryOAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
  private final IdTokenHintVerifier verifier = new IdTokenHintVerifier(
      new IdTokenSignatures(new SigningKeys(List.of(OURS))), authorizations);

  @Test
  void recordedIdTokenSignedWithOurKeyIsAccepted() throws Exception {
    String idToken = signed(OURS, "app");
    record(idToken);

    assertThat(verifier.verify(idToken).audience()).containsExactly("app");
  }

  @Test
  void expiryDoesNotMatter() throws Exception {
    String idToken = sign(OURS, claims("app", Instant.now().minus(Duration.ofDays(30))));
    record(idToken);

    assertThat(verifier.verify(idToken).audience()).containsExactly("app");
  }

  @Test
  void anotherKeyWithOurKeyIdIsRefused() throws Exception {
    String forged = signed(key(OURS.getKeyID()), "app");
    record(forged);

    assertRefused(forged);
  }

  @Test
  void ourSignatureAloneIsNotEnough() throws Exception {
    // An access token in JWT form carries the same signature but was never an ID token.
    assertRefused(signed(OURS, "app"));
  }

  @Test
  void unsignedOrMalformedHintsAreRefused() {
    String unsigned = new PlainJWT(claims("app", Instant.now())).serialize();
    record(unsigned);

    assertRefused(unsigned);
    assertRefused("not-a-jwt");
    assertRefused("");
  }

  @Test
  void hintWithoutAudienceIsRefused() throws Exception {
    String idToken = signed(OURS, null);
    record(idToken);

    assertRefused(idToken);
  }

  private void assertRefused(String hint) {
    assertThatThrownBy(() -> verifier.verify(hint)).isInstanceOf(InvalidEndSessionRequest.class)
        .hasMessageContaining("id_token_hint");
  }

  private void record(String idToken) {
    RegisteredClient client = RegisteredClient.withId("app").clientId("app")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("https://app.example.com/callback").build();
    authorizations.save(OAuth2Authorization.withRegisteredClient(client).principalName("john")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .token(new OidcIdToken(idToken, Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "someone")))
        .build());
  }

  private static String signed(RSAKey key, String audience) throws JOSEException {
    return sign(key, claims(audience, Instant.now()));
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static JWTClaimsSet claims(String audience, Instant issuedAt) {
    return new JWTClaimsSet.Builder().issuer("https://auth.example.com").subject("someone").audience(audience)
        .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plusSeconds(60))).build();
  }

  private static RSAKey key(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
