package dev.gatehouse.session;

import org.springframework.session.SessionRepository;

/** Where browser sessions live, and what to release when Gatehouse stops. */
public interface SessionStore extends AutoCloseable {

  SessionRepository<?> repository();

  /** The sessions held now, signed in or not, whichever instance opened them. */
  long activeSessions();

  /** Throws when sessions cannot be reached (Redis down): for the readiness check. */
  void ping();

  /** Releases connections; sessions in memory are simply dropped. */
  @Override
  void close();
}
