package dev.gatehouse.oidc.grants;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrantBoundTokensTest {

  private static final String GRANT = "5f1b7c3e-2a4d-4e8f-9b6a-0c1d2e3f4a5b";
  private static final String RANDOM = "q2Lh8_Zx-Yw3kV9pTnR4sJ6uB1mC0eA7dF5gH2iK";

  @Test
  void anOpaqueTokenNamesTheGrantItWasBoundTo() {
    String token = GrantBoundTokens.bind(GRANT, RANDOM);

    assertThat(token).isEqualTo(GRANT + "." + RANDOM);
    assertThat(GrantBoundTokens.grantIdOf(token)).contains(GRANT);
    assertThat(GrantBoundTokens.bound(token, Map.of(), GRANT)).isTrue();
    assertThat(GrantBoundTokens.bound(token, Map.of(), "another-grant")).isFalse();
  }

  @Test
  void aTokenOfAnEarlierVersionOrOfNoGrantNamesNone() {
    assertThat(GrantBoundTokens.grantIdOf(RANDOM)).isEmpty();
    assertThat(GrantBoundTokens.bound(RANDOM, Map.of(), GRANT)).isFalse();
    assertThat(GrantBoundTokens.grantIdOf(".starts-with-a-dot")).isEmpty();
    assertThat(GrantBoundTokens.grantIdOf("x".repeat(101) + "." + RANDOM)).as("longer than any grant id").isEmpty();
    assertThat(GrantBoundTokens.grantIdOf("not.a.jwt")).isEmpty();
    assertThat(GrantBoundTokens.grantIdOf("")).isEmpty();
  }

  @Test
  void aJwtNamesItsGrantInItsJwtId() throws Exception {
    String jwtId = GrantBoundTokens.jwtId(GRANT);
    String bound = jwt(jwtId);
    String earlier = jwt("0b6c6f0e-8a55-4d0b-a6a4-3e7c1d2b9f10");

    assertThat(jwtId).startsWith(GRANT + ".").isNotEqualTo(GrantBoundTokens.jwtId(GRANT));
    assertThat(GrantBoundTokens.grantIdOf(bound)).contains(GRANT);
    assertThat(GrantBoundTokens.bound(bound, Map.of("jti", jwtId), GRANT)).isTrue();
    assertThat(GrantBoundTokens.grantIdOf(earlier)).as("a jti of an earlier version, a bare UUID").isEmpty();
    assertThat(GrantBoundTokens.bound(earlier, Map.of("jti", "0b6c6f0e-8a55-4d0b-a6a4-3e7c1d2b9f10"), GRANT))
        .isFalse();
    assertThat(GrantBoundTokens.bound(RANDOM, Map.of("jti", jwtId), GRANT))
        .as("an opaque token whose claims name the grant is not bound by them").isFalse();
  }

  private static String jwt(String jwtId) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().jwtID(jwtId).build());
    jwt.sign(new MACSigner("a-test-key-of-at-least-thirty-two-bytes!"));
    return jwt.serialize();
  }
}
