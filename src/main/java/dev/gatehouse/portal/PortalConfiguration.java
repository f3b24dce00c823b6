package dev.gatehouse.portal;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.health.HealthController;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.notifier.Notifier;
import dev.gatehouse.oidc.OidcConfiguration;
import dev.gatehouse.oidc.authorize.AuthorizationResponses;
import dev.gatehouse.oidc.logout.EndSessionResponses;
import dev.gatehouse.regulation.Regulator;
import dev.gatehouse.regulation.TimingAttackDelay;
import dev.gatehouse.session.RememberMe;
import dev.gatehouse.signin.SignInPages;
import dev.gatehouse.storage.OneTimeCodeStore;
import dev.gatehouse.web.FilterOrder;
import dev.gatehouse.web.RefusedForm;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The login portal: form login, CSRF on every form, strict headers. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class PortalConfiguration {

  /**
   * What clients and probes call: the API paths and documents, but for the authorization endpoint,
   * where people are sent.
   */
  private static final RequestMatcher API_CALLS = new AndRequestMatcher(
      new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
          PathPatternRequestMatcher.pathPattern("/.well-known/**"),
          PathPatternRequestMatcher.pathPattern(OidcConfiguration.JWKS_ENDPOINT)),
      new NegatedRequestMatcher(PathPatternRequestMatcher.pathPattern(OidcConfiguration.AUTHORIZATION_ENDPOINT)));

  /** Scripts from Gatehouse's own files only (the WebAuthn ceremonies); nothing inline. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

  /**
   * Shared by both chains so that the login returns to the exact authorization request. Only the
   * pages a person is sent to sign in for are kept: a client's API call refused for want of a
   * token would otherwise open a session to keep it in, one per call.
   */
  @Bean
  RequestCache requestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setMatchingRequestParameterName(null);
    cache.setRequestMatcher(new NegatedRequestMatcher(API_CALLS));
    return cache;
  }

  /** Before Spring Security, after the filter that refuses unreadable requests: it reads a parameter. */
  @Bean
  FilterRegistrationBean<CrossSiteFormFilter> crossSiteFormFilter() {
    FilterRegistrationBean<CrossSiteFormFilter> registration = new FilterRegistrationBean<>(new CrossSiteFormFilter());
    registration.setOrder(FilterOrder.CROSS_SITE_FORM);
    return registration;
  }

  @Bean
  IdentityVerification identityVerification(Notifier notifier, JdbcTemplate jdbc, Clock clock) {
    return new IdentityVerification(notifier, new OneTimeCodeStore(jdbc), clock);
  }

  @Bean
  IdentityStep identityStep(UserDirectory users, IdentityVerification verification, Notifier notifier) {
    return new IdentityStep(users, verification, notifier);
  }

  @Bean
  SessionFactors sessionFactors(RequestCache requestCache, Clock clock) {
    return new SessionFactors(requestCache, clock);
  }

  /** After the first factor, by password or passkey: Remember me, then back to the request that needed it. */
  @Bean
  AuthenticationSuccessHandler signedIn(Configuration configuration, RequestCache requestCache) {
    SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
    handler.setRequestCache(requestCache);
    return new RememberMe(configuration.session(), handler);
  }

  @Bean
  @Order(2)
  SecurityFilterChain portalChain(HttpSecurity http, UserDirectory users, Regulator regulator,
      TimingAttackDelay delay, Clock clock, AuthenticationSuccessHandler signedIn, RequestCache requestCache)
      throws Exception {
    http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(SignInPages.LOGIN, SignInPages.PASSKEY, "/css/**", "/js/**", "/favicon.ico", "/error",
                AuthorizationResponses.ERROR_PAGE,
                AuthorizationResponses.DENIED_PAGE, HealthController.LIVENESS, HealthController.READINESS,
                EndSessionResponses.ERROR_PAGE, EndSessionResponses.SIGNED_OUT_PAGE)
            .permitAll()
            .anyRequest().authenticated())
        // The error pages are reached by a forward from an authorization or logout request that a
        // client may POST without a CSRF token; they only show the error. API calls take no form,
        // and checking them would open a session for the token.
        .csrf(csrf -> csrf
            .ignoringRequestMatchers(EndSessionResponses.ERROR_PAGE, AuthorizationResponses.ERROR_PAGE,
                AuthorizationResponses.DENIED_PAGE)
            .ignoringRequestMatchers(API_CALLS))
        .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new RefusedForm()))
        // Not a bean: Spring Security would also register it globally, and count each failure twice.
        .authenticationProvider(new PasswordAuthenticationProvider(users, regulator, delay, clock))
        .formLogin(form -> form.loginPage(SignInPages.LOGIN).failureUrl(SignInPages.LOGIN_FAILED)
            .successHandler(signedIn))
        .logout(logout -> logout.logoutSuccessUrl(EndSessionResponses.SIGNED_OUT_PAGE))
        .requestCache(cache -> cache.requestCache(requestCache))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }
}
