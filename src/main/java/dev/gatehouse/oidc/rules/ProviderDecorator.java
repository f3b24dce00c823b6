package dev.gatehouse.oidc.rules;

import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * A rule put in front of one of Spring Authorization Server's own providers, which still does
 * the work and decides which requests it supports.
 */
abstract class ProviderDecorator implements AuthenticationProvider {

  protected final AuthenticationProvider delegate;

  protected ProviderDecorator(AuthenticationProvider delegate) {
    this.delegate = delegate;
  }

  /**
   * Replaces, among an endpoint's providers, the one of the given type by its decorated form;
   * the type may already be decorated, so rules can be installed in any order.
   */
  static void decorate(List<AuthenticationProvider> providers, Class<? extends AuthenticationProvider> type,
      UnaryOperator<AuthenticationProvider> decorator) {
    providers.replaceAll(provider -> isOrWraps(provider, type) ? decorator.apply(provider) : provider);
  }

  private static boolean isOrWraps(AuthenticationProvider provider, Class<? extends AuthenticationProvider> type) {
    return type.isInstance(provider)
        || provider instanceof ProviderDecorator decorated && isOrWraps(decorated.delegate, type);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
