package dev.gatehouse.telemetry;

import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line in the {@code audit} log for each thing an operator may have to account for: a sign-in,
 * a second factor, a consent, a token response, a revocation, a logout. Each names the user, the
 * client and the source address (of the request being answered), and never a secret: no password,
 * code or token.
 */
public final class Audit {

  /** The key, in the logging context, of the address of the request being answered. */
  public static final String SOURCE = "remote_ip";
  /** The key, in the logging context, of the user a token request turned out to be for. */
  public static final String USER = "user";

  private static final Logger log = LoggerFactory.getLogger("audit");

  private Audit() {
  }

  public static void firstFactor(String user, String source, boolean success, boolean banned) {
    log.info("First factor {} for user '{}' from {}", outcome(success, banned), user, source);
  }

  public static void secondFactor(String user, String source, String type, boolean success, boolean banned) {
    log.info("Second factor ({}) {} for user '{}' from {}", type, outcome(success, banned), user, source);
  }

  public static void consent(String user, String client, Collection<String> scopes, boolean accepted) {
    log.info("Consent {} by user '{}' to client '{}' for scopes {} from {}", accepted ? "given" : "refused", user,
        client, scopes, MDC.get(SOURCE));
  }

  public static void tokens(String client, String grantType, Collection<String> scopes) {
    log.info("Tokens issued to client '{}' for user '{}' by grant '{}' with scopes {} from {}", client,
        MDC.get(USER), grantType, scopes, MDC.get(SOURCE));
  }

  public static void revocation(String client, String user) {
    log.info("Token revoked by client '{}' for user '{}' from {}", client, user, MDC.get(SOURCE));
  }

  public static void logout(String user, String client) {
    log.info("Signed out user '{}' at the request of client '{}' from {}", user, client, MDC.get(SOURCE));
  }

  private static String outcome(boolean success, boolean banned) {
    return banned ? "refused (banned)" : success ? "succeeded" : "failed";
  }
}
