package dev.gatehouse.oidc.logout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EndSessionRequestTest {

  @Test
  void readsTheParametersItActsOnAndIgnoresTheOthers() {
    EndSessionRequest request = EndSessionRequest.from(Map.of("id_token_hint", new String[] {"eyJ.x.y"},
        "client_id", new String[] {"app"}, "post_logout_redirect_uri", new String[] {"https://app/bye"},
        "state", new String[] {"s"}, "logout_hint", new String[] {"john"}, "ui_locales", new String[] {"de"}));

    assertThat(request).isEqualTo(new EndSessionRequest("eyJ.x.y", "app", "https://app/bye", "s"));
  }

  @Test
  void nothingAtAllIsARequestToo() {
    assertThat(EndSessionRequest.from(Map.of())).isEqualTo(new EndSessionRequest(null, null, null, null));
  }

  @Test
  void emptyValuesCountAsAbsent() {
    assertThat(EndSessionRequest.from(Map.of("id_token_hint", new String[] {""}, "state", new String[] {" "})))
        .isEqualTo(new EndSessionRequest(null, null, null, null));
  }

  @Test
  void parameterGivenTwiceIsInvalid() {
    assertThatThrownBy(() -> EndSessionRequest.from(Map.of("post_logout_redirect_uri",
        new String[] {"https://app/bye", "https://evil/bye"})))
        .isInstanceOf(InvalidEndSessionRequest.class)
        .hasMessageContaining("post_logout_redirect_uri");
  }
}
