package dev.gatehouse.oidc.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimsRequestParseTest {

  @Test
  void essentialAndVoluntaryIdTokenRequestsAreReadByName() {
    ClaimsRequest request = ClaimsRequest.parse("""
        {"id_token": {"email": {"essential": true}, "name": null, "acr": {"values": ["urn:x"]}},
         "userinfo": {"groups": {"essential": false}}, "something_else": 1}""");
    assertThat(request.idToken()).containsExactly("email", "name", "acr");
  }

  @Test
  void aSubjectValueAskedForInTheIdTokenIsKept() {
    assertThat(ClaimsRequest.parse("{\"id_token\":{\"sub\":{\"value\":\"248289761001\"}}}").requiredSubject())
        .hasValue("248289761001");
    assertThat(ClaimsRequest.parse("{\"userinfo\":{\"sub\":{\"value\":\"x\"}}}").requiredSubject()).isEmpty();
  }

  @Test
  void onlyWhatTheIdTokenAskedForIsKept() {
    Map<String, Object> claims = new HashMap<>(Map.of("email", "john@example.com", "name", "John", "groups", "x"));
    assertThat(ClaimsRequest.parse("{\"id_token\":{\"email\":null}}").forIdToken(claims))
        .containsOnlyKeys("email");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      not json                     | not JSON
      [1]                          | not a JSON object
      {"id_token": "email"}        | id_token member is not a JSON object
      {"userinfo": {"email": 1}}   | neither null nor a JSON object
      """)
  void aMalformedParameterSaysWhatIsWrong(String parameter, String complaint) {
    assertThatThrownBy(() -> ClaimsRequest.parse(parameter)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(complaint);
  }

  @Test
  void aParameterOverFourKilobytesIsRefused() {
    assertThatThrownBy(() -> ClaimsRequest.parse("{\"id_token\":{\"" + "a".repeat(5000) + "\":null}}"))
        .hasMessageContaining("longer than 4096");
  }
}
