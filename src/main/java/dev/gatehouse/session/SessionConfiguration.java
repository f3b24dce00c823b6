package dev.gatehouse.session;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.SessionConfig;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Session wiring: Spring Session's filter gives every request its session from the store the
 * configuration names (memory, or Redis with {@code session.redis}), through Gatehouse's cookie;
 * then sessions past their lifetime are ended.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

  @Bean(destroyMethod = "close")
  SessionStore sessionStore(Configuration configuration, Clock clock) {
    SessionConfig session = configuration.session();
    return session.redis() == null ? new MemorySessions(session.inactivity(), clock) : RedisSessions.connect(session);
  }

  /**
   * After the filter that answers storage outages (+20), so Redis out of reach answers 503; before
   * anything reads the session.
   */
  @Bean
  FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilter(SessionStore store,
      Configuration configuration) {
    SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(store.repository());
    CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
    cookies.setCookieSerializer(new SessionCookie(configuration.session()));
    filter.setHttpSessionIdResolver(cookies);
    FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
    return registration;
  }

  /** Before Spring Security reads the session's sign-in. */
  @Bean
  FilterRegistrationBean<SessionExpiration> sessionExpiration(Configuration configuration, Clock clock) {
    SessionConfig session = configuration.session();
    FilterRegistrationBean<SessionExpiration> registration = new FilterRegistrationBean<>(
        new SessionExpiration(session.expiration(), session.rememberMe(), clock));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }

  @Bean
  SessionRegistry sessionRegistry() {
    return new NoSessionRegistry();
  }
}
