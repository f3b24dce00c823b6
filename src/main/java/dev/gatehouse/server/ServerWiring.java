package dev.gatehouse.server;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Web server wiring beyond what the Spring properties of the {@code server} section say. */
@Configuration(proxyBeanMethods = false)
public class ServerWiring {

  @Bean
  ForwardedHostPortCustomizer forwardedHostPort() {
    return new ForwardedHostPortCustomizer();
  }

  /** Ordered first, so the valve stands before the RemoteIpValve that Boot's own customizer adds. */
  static final class ForwardedHostPortCustomizer
      implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
      factory.addEngineValves(new ForwardedHostPortValve());
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
