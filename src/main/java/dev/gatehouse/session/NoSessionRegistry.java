package dev.gatehouse.session;

import java.util.List;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * Spring Authorization Server keeps, in memory, each principal's sessions to derive an ID token's
 * {@code sid} from. Gatehouse derives {@code sid} from the sign-in itself, the same on every
 * instance ({@code signin.AuthenticationMethods}), and ends sessions through the shared session
 * store, so there is nothing to keep: a registry per process would only grow, and disagree between
 * instances.
 */
final class NoSessionRegistry implements SessionRegistry {

  @Override
  public List<Object> getAllPrincipals() {
    return List.of();
  }

  @Override
  public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
    return List.of();
  }

  @Override
  public SessionInformation getSessionInformation(String sessionId) {
    return null;
  }

  @Override
  public void refreshLastRequest(String sessionId) {
  }

  @Override
  public void registerNewSession(String sessionId, Object principal) {
  }

  @Override
  public void removeSessionInformation(String sessionId) {
  }
}
