package dev.gatehouse.oidc.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class GrantDataFormatTest {

  private static final Instant PASSWORD_TIME = Instant.parse("2026-11-27T09:49:12.840610864Z");
  /** The attributes of a grant as the previous version of Gatehouse stored them. */
  private static final String STORED_BEFORE = "{\"@class\":\"java.util.HashMap\",\"org.springframework.security.oauth2.core"
      + ".endpoint.OAuth2AuthorizationRequest\":{\"@class\":\"org.springframework.security.oauth2.core.endpoint"
      + ".OAuth2AuthorizationRequest\",\"additionalParameters\":{\"@class\":\"java.util.Collections$UnmodifiableMap\"},"
      + "\"attributes\":{\"@class\":\"java.util.Collections$UnmodifiableMap\"},\"authorizationGrantType\":{\"value\":"
      + "\"authorization_code\"},\"authorizationRequestUri\":\"http://127.0.0.1:38745/api/oidc/authorization?response_type"
      + "=code&client_id=librechat&scope=openid%20profile%20email&state=14f4370f7813f&redirect_uri=https://librechat"
      + ".example.com/oauth/openid/callback\",\"authorizationUri\":\"http://127.0.0.1:38745/api/oidc/authorization\","
      + "\"clientId\":\"librechat\",\"redirectUri\":\"https://librechat.example.com/oauth/openid/callback\",\"responseType\":"
      + "{\"value\":\"code\"},\"scopes\":[\"java.util.Collections$UnmodifiableSet\",[\"openid\",\"profile\",\"email\"]],"
      + "\"state\":\"14f4370f7813f\"},\"java.security.Principal\":{\"@class\":\"org.springframework.security.authentication"
      + ".UsernamePasswordAuthenticationToken\",\"authenticated\":true,\"authorities\":[\"java.util.Collections"
      + "$UnmodifiableRandomAccessList\",[{\"@class\":\"org.springframework.security.core.authority.FactorGrantedAuthority\","
      + "\"authority\":\"FACTOR_PASSWORD\",\"issuedAt\":1795772952.840610864}]],\"credentials\":null,\"details\":null,"
      + "\"principal\":\"user001\"}}";

  private final GrantDataFormat format = new GrantDataFormat();

  @Test
  void aGrantOfTheCodeFlowComesBackEqualFromItsCompactForm() {
    Map<String, Object> attributes = Map.of(
        OAuth2AuthorizationRequest.class.getName(), authorizationRequest(),
        Principal.class.getName(), UsernamePasswordAuthenticationToken.authenticated("user001", null, List.of(
            FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(PASSWORD_TIME).build(),
            new SimpleGrantedAuthority("ROLE_USER"))));

    String stored = format.write(attributes);

    assertThat(stored).doesNotStartWith("{\"@class\"").contains("\"user001\"", "FACTOR_PASSWORD");
    assertThat(format.read(stored)).isEqualTo(attributes);
  }

  @Test
  void claimsKeepTheirTypesExactly() throws Exception {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", URI.create("https://127.0.0.1:9091").toURL());
    claims.put("aud", List.of("librechat"));
    claims.put("scope", new LinkedHashSet<>(List.of("openid", "profile")));
    claims.put("iat", Instant.parse("2026-11-27T09:49:27.202313533Z"));
    claims.put("auth_time", new Date(1795772953052L));
    claims.put("email_verified", true);
    claims.put("updated_at", 1795772953L);
    claims.put("age", 42);
    claims.put("score", 0.5);
    claims.put("address", Map.of("country", "NZ"));
    Map<String, Object> metadata = Map.of(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims,
        OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, false);

    Map<String, Object> read = format.read(format.write(metadata));

    assertThat(read).isEqualTo(metadata);
    @SuppressWarnings("unchecked")
    Map<String, Object> readClaims = (Map<String, Object>) read.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
    assertThat(readClaims.values()).extracting(value -> value.getClass().getSimpleName())
        .containsExactly("URL", "ArrayList", "LinkedHashSet", "Instant", "Date", "Boolean", "Long", "Integer", "Double",
            "LinkedHashMap");
  }

  @Test
  void theCompactFormIsUnderHalfTheSizeOfJacksons() {
    Map<String, Object> attributes = format.read(STORED_BEFORE);

    assertThat(format.write(attributes).length()).isLessThan(STORED_BEFORE.length() / 2);
  }

  @Test
  void grantsStoredByThePreviousVersionStillRead() {
    Map<String, Object> attributes = format.read(STORED_BEFORE);

    OAuth2AuthorizationRequest request = (OAuth2AuthorizationRequest) attributes.get(
        OAuth2AuthorizationRequest.class.getName());
    assertThat(request.getClientId()).isEqualTo("librechat");
    assertThat(request.getScopes()).containsExactly("openid", "profile", "email");
    UsernamePasswordAuthenticationToken user = (UsernamePasswordAuthenticationToken) attributes.get(
        Principal.class.getName());
    assertThat(user.getName()).isEqualTo("user001");
    assertThat(user.getAuthorities()).singleElement()
        .extracting(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
        .satisfies(issuedAt -> assertThat((Instant) issuedAt)
            .isCloseTo(Instant.parse("2026-11-27T09:49:12.840610864Z"), within(1, ChronoUnit.MICROS)));
  }

  @Test
  void aPasswordOnlyLoginKeepsTheDetailsSpringSecurityCopiedOntoIt() {
    UsernamePasswordAuthenticationToken user = UsernamePasswordAuthenticationToken.authenticated("user001", null,
        List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(PASSWORD_TIME)
            .build()));
    user.setDetails(new WebAuthenticationDetails("192.0.2.7", null));
    Map<String, Object> attributes = Map.of(Principal.class.getName(), user, "state", "xyz");

    String stored = format.write(attributes);

    assertThat(stored).doesNotStartWith("{\"@class\"");
    assertThat(format.read(stored)).isEqualTo(attributes);
  }

  @Test
  void aRepeatedRequestParameterComesBackAsTheStringsItWas() {
    OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.from(authorizationRequest())
        .additionalParameters(Map.of("resource", new String[] {"https://a.example", "https://b.example"}))
        .build();

    String stored = format.write(Map.of(OAuth2AuthorizationRequest.class.getName(), request));

    assertThat(stored).doesNotStartWith("{\"@class\"");
    OAuth2AuthorizationRequest read = (OAuth2AuthorizationRequest) format.read(stored)
        .get(OAuth2AuthorizationRequest.class.getName());
    assertThat(read.getAdditionalParameters().get("resource")).isInstanceOf(String[].class)
        .isEqualTo(new String[] {"https://a.example", "https://b.example"});
  }

  @Test
  void numbersJacksonWritesAsTextKeepTheMapInJacksonsForm() {
    assertThat(format.write(Map.of("score", Double.NaN))).startsWith("{\"@class\"");
  }

  @Test
  void theStoredFormDoesNotDependOnTheLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      Map<String, Object> metadata = Map.of("count", 5, "address", Map.of("country", "TR"));

      assertThat(format.read(format.write(metadata))).isEqualTo(metadata);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void anAuthenticationOfAnotherKindIsNotTakenForAPortalLogin() {
    Map<String, Object> attributes = Map.of(Principal.class.getName(),
        new TestingAuthenticationToken("user001", "secret", "ROLE_USER"));

    assertThat(format.write(attributes)).startsWith("{\"@class\"");
  }

  @Test
  void anEmptyColumnIsAnEmptyMap() {
    assertThat(format.read(null)).isEmpty();
    assertThat(format.read(format.write(Map.of()))).isEmpty();
  }

  private static OAuth2AuthorizationRequest authorizationRequest() {
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri("https://auth.example.com/api/oidc/authorization")
        .clientId("librechat")
        .redirectUri("https://librechat.example.com/oauth/openid/callback")
        .scopes(Set.of("openid", "profile", "email"))
        .state("14f4370f7813f")
        .additionalParameters(Map.of("nonce", "n-0S6_WzA2Mj", "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method", "S256"))
        .attributes(Map.of("consented", true))
        .authorizationRequestUri("https://auth.example.com/api/oidc/authorization?client_id=librechat")
        .build();
  }
}
