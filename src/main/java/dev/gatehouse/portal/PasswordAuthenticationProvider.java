package dev.gatehouse.portal;

import dev.gatehouse.identity.PasswordCheck;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The first factor: a password checked against users.yml. The result records the factor and when
 * it was proven, which becomes {@code amr} and {@code auth_time} in the id_token.
 */
public class PasswordAuthenticationProvider implements AuthenticationProvider {

  static final String FAILURE_MESSAGE = "Incorrect username or password.";

  private final PasswordCheck passwords;

  public PasswordAuthenticationProvider(PasswordCheck passwords) {
    this.passwords = passwords;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object password = authentication.getCredentials();
    if (username == null || username.isEmpty() || !(password instanceof String secret)) {
      throw new BadCredentialsException(FAILURE_MESSAGE);
    }
    return passwords.authenticate(username, secret)
        .map(user -> UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
            List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(Instant.now()).build())))
        .orElseThrow(() -> new BadCredentialsException(FAILURE_MESSAGE));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
