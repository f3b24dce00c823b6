package dev.gatehouse.web;

import dev.gatehouse.config.schema.Configuration;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Servlet filters that stand before every endpoint, right after the one that sets the request
 * encoding (which must come first, or parameters are decoded in the wrong charset).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

  /**
   * First of all: nothing may build a URL from a host Gatehouse is not configured at. It reads no
   * parameter, so it may stand even before the encoding filter.
   */
  @Bean
  FilterRegistrationBean<UnknownHostFilter> unknownHostFilter(Configuration configuration) {
    IssuerHosts hosts = IssuerHosts.of(configuration.session());
    if (!hosts.restricts()) {
      log.warn("session.cookies names no authelia_url: the issuer follows the Host (or the proxy's"
          + " X-Forwarded-Host) of each request, whatever it is. Set session.cookies[].authelia_url to the"
          + " address users reach Gatehouse at, e.g. 'https://auth.example.com'");
    }
    FilterRegistrationBean<UnknownHostFilter> registration = new FilterRegistrationBean<>(new UnknownHostFilter(hosts));
    registration.setOrder(FilterOrder.UNKNOWN_HOST);
    return registration;
  }

  @Bean
  FilterRegistrationBean<UnreadableRequestFilter> unreadableRequestFilter() {
    FilterRegistrationBean<UnreadableRequestFilter> registration =
        new FilterRegistrationBean<>(new UnreadableRequestFilter());
    registration.setOrder(FilterOrder.UNREADABLE_REQUEST);
    return registration;
  }

  @Bean
  FilterRegistrationBean<StorageOutageFilter> storageOutageFilter() {
    FilterRegistrationBean<StorageOutageFilter> registration = new FilterRegistrationBean<>(new StorageOutageFilter());
    registration.setOrder(FilterOrder.STORAGE_OUTAGE);
    return registration;
  }

  /**
   * The error page is where the container forwards failures; requested directly it has no error
   * to show and Spring Boot answers 500, so a direct request is simply not found.
   */
  @Bean
  FilterRegistrationBean<Filter> errorPageOnlyForErrors() {
    Filter notFound = (request, response, chain) -> ((HttpServletResponse) response)
        .sendError(HttpServletResponse.SC_NOT_FOUND);
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(notFound);
    registration.addUrlPatterns("/error");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(FilterOrder.ERROR_PAGE_ONLY_FOR_ERRORS);
    return registration;
  }
}
