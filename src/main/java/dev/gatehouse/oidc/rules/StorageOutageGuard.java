package dev.gatehouse.oidc.rules;

import dev.gatehouse.storage.StorageOutages;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Keeps a storage outage recognisable through the endpoints of Spring Authorization Server that
 * turn any exception of their providers into a 400 whose description is the exception's message
 * (userinfo, end session): the outage goes on as an OAuth error that keeps it as its cause, for
 * the endpoint's error handler to pass on with {@link StorageOutages#rethrow}.
 */
public final class StorageOutageGuard implements AuthenticationProvider {

  private final AuthenticationProvider provider;

  public StorageOutageGuard(AuthenticationProvider provider) {
    this.provider = provider;
  }

  public static void install(List<AuthenticationProvider> providers) {
    providers.replaceAll(StorageOutageGuard::new);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    try {
      return provider.authenticate(authentication);
    } catch (RuntimeException failure) {
      if (StorageOutages.find(failure).isEmpty()) {
        throw failure;
      }
      throw new OAuth2AuthenticationException(new OAuth2Error("temporarily_unavailable",
          "Storage is unavailable, try again in a few seconds", null), failure);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return provider.supports(authentication);
  }
}
