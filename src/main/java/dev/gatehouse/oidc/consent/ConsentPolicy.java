package dev.gatehouse.oidc.consent;

import dev.gatehouse.config.schema.ConsentMode;
import java.util.Set;

/** Whether the user must be asked before a client gets what it requested. */
public final class ConsentPolicy {

  static final String PROMPT_CONSENT = "consent";

  private ConsentPolicy() {
  }

  /**
   * Decides for one authorization request.
   *
   * @param prompt the values of the request's {@code prompt} parameter
   * @param requestedScopes the scopes requested, with the request's {@link ConsentTerms}
   * @param rememberedScopes the scopes and terms of the user's unexpired remembered consent to
   *     this client, or {@code null} if there is none
   */
  public static boolean mustAsk(ConsentMode mode, Set<String> prompt, Set<String> requestedScopes,
      Set<String> rememberedScopes) {
    if (prompt.contains(PROMPT_CONSENT)) {
      return true;
    }
    return switch (mode) {
      case IMPLICIT -> false;
      case EXPLICIT -> true;
      // As in Authelia, a remembered consent answers only the exact set of scopes, audience and
      // claims it was given for; any other set, larger or smaller, is a new question.
      case PRE_CONFIGURED -> !requestedScopes.equals(rememberedScopes);
    };
  }
}
