package dev.gatehouse.oidc.logout;

import java.util.List;
import java.util.Optional;

/** What a verified {@code id_token_hint} tells about the request: the clients it was issued to. */
record IdTokenHint(List<String> audience) {

  IdTokenHint {
    audience = List.copyOf(audience);
  }

  /** The client the hint stands for; Gatehouse's ID tokens have exactly one audience. */
  Optional<String> soleAudience() {
    return audience.size() == 1 ? Optional.of(audience.get(0)) : Optional.empty();
  }
}
