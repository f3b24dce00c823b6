package dev.gatehouse.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Servlet filters that stand before every endpoint, right after the one that sets the request
 * encoding (which must come first, or parameters are decoded in the wrong charset).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  @Bean
  FilterRegistrationBean<UnreadableRequestFilter> unreadableRequestFilter() {
    FilterRegistrationBean<UnreadableRequestFilter> registration =
        new FilterRegistrationBean<>(new UnreadableRequestFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<StorageOutageFilter> storageOutageFilter() {
    FilterRegistrationBean<StorageOutageFilter> registration = new FilterRegistrationBean<>(new StorageOutageFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
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
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
