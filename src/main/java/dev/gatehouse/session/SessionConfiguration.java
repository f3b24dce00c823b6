package dev.gatehouse.session;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.web.FilterOrder;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
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

  /** Also on error dispatches, so that an error page finds the session as its request did. */
  @Bean
  FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilter(SessionStore store,
      Configuration configuration) {
    SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(store.repository());
    CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
    cookies.setCookieSerializer(new SessionCookie(configuration.session()));
    filter.setHttpSessionIdResolver(cookies);
    FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    registration.setOrder(FilterOrder.SESSION_REPOSITORY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SessionExpiration> sessionExpiration(Configuration configuration, Clock clock) {
    SessionConfig session = configuration.session();
    FilterRegistrationBean<SessionExpiration> registration = new FilterRegistrationBean<>(
        new SessionExpiration(session.expiration(), session.rememberMe(), clock));
    registration.setOrder(FilterOrder.SESSION_EXPIRATION);
    return registration;
  }

  @Bean
  SessionRegistry sessionRegistry() {
    return new NoSessionRegistry();
  }
}
