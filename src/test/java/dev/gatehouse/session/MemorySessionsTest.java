package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions in memory behave as the servlet container's did: one live session per browser, and a
 * session that ended or changed its id stays so whatever a request still holding it does.
 */
class MemorySessionsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T09:00:00Z"));
  private final MemorySessions store = new MemorySessions(Duration.ofMinutes(5), clock);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void whatOneRequestSetsTheNextSeesAtOnce() {
    MemorySessions.LiveSession session = stored();
    store.findById(session.getId()).setAttribute("step", "password");
    assertThat(store.findById(session.getId()).<String>getAttribute("step")).isEqualTo("password");
  }

  @Test
  void aRequestStillHoldingAnEndedSessionCannotBringItBack() {
    MemorySessions.LiveSession session = stored();
    MemorySessions.LiveSession heldByASlowRequest = store.findById(session.getId());
    store.deleteById(session.getId());
    heldByASlowRequest.setAttribute("late", true);
    store.save(heldByASlowRequest);
    assertThat(store.findById(session.getId())).isNull();
    assertThat(store.activeSessions()).isZero();
  }

  @Test
  void aNewIdTakesEffectAtOnceForEveryRequest() {
    MemorySessions.LiveSession session = stored();
    String before = session.getId();
    String after = session.changeSessionId();
    assertThat(store.findById(before)).isNull();
    assertThat(store.findById(after)).isSameAs(session);
    store.save(session);
    assertThat(store.activeSessions()).isOne();
  }

  @Test
  void aSessionIdleLongerThanItsInactivityIsGone() {
    MemorySessions.LiveSession session = stored();
    MemorySessions.LiveSession idle = stored();
    clock.advance(Duration.ofMinutes(4));
    session.setLastAccessedTime(clock.instant());
    clock.advance(Duration.ofMinutes(2));
    store.sweep();
    assertThat(store.findById(session.getId())).isSameAs(session);
    assertThat(store.findById(idle.getId())).isNull();
    assertThat(store.activeSessions()).isOne();
  }

  @Test
  void aSessionIsKeptOnlyOnceSaved() {
    MemorySessions.LiveSession created = store.createSession();
    assertThat(store.findById(created.getId())).isNull();
    store.save(created);
    assertThat(store.findById(created.getId())).isSameAs(created);
  }

  private MemorySessions.LiveSession stored() {
    MemorySessions.LiveSession session = store.createSession();
    store.save(session);
    return session;
  }
}
