package dev.gatehouse.portal;

import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.regulation.AuthenticationAttempt;
import dev.gatehouse.regulation.AuthenticationKind;
import dev.gatehouse.regulation.ClientAddress;
import dev.gatehouse.regulation.Regulator;
import dev.gatehouse.regulation.TimingAttackDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The first factor: a password checked against users.yml, under regulation. The result records the
 * factor and when it was proven, which becomes {@code amr} and {@code auth_time} in the id_token.
 *
 * <p>A banned user or address gets exactly the answer of a wrong password, after the same work:
 * the password is still checked (against the timing decoy for an unknown user), and every failure
 * waits out the {@link TimingAttackDelay}. Nothing tells a ban from a typo, nor a user from none.
 */
public class PasswordAuthenticationProvider implements AuthenticationProvider {

  static final String FAILURE_MESSAGE = "Incorrect username or password.";

  private final UserDirectory users;
  private final Regulator regulator;
  private final TimingAttackDelay delay;
  private final Clock clock;

  public PasswordAuthenticationProvider(UserDirectory users, Regulator regulator, TimingAttackDelay delay,
      Clock clock) {
    this.users = users;
    this.regulator = regulator;
    this.delay = delay;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    long started = System.nanoTime();
    String username = authentication.getName();
    if (username == null || username.isEmpty() || username.length() > AuthenticationAttempt.MAX_USERNAME_LENGTH
        || !(authentication.getCredentials() instanceof String password)) {
      throw failure(started);
    }
    Regulator.Attempt attempt = regulator.begin(users.regulatedName(username), remoteIp(authentication),
        AuthenticationKind.PASSWORD);
    Optional<User> user;
    try {
      user = users.authenticate(username, password);
    } catch (DirectoryUnavailableException outage) {
      // Counted as a failure, as Authelia does: an outage must not become a way around regulation.
      attempt.conclude(false);
      throw outage;
    }
    if (!attempt.conclude(user.isPresent())) {
      throw failure(started);
    }
    delay.recordSuccess(since(started));
    return UsernamePasswordAuthenticationToken.authenticated(user.get().username(), null,
        List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
            .issuedAt(clock.instant()).build()));
  }

  private BadCredentialsException failure(long started) {
    delay.delayFailure(since(started));
    return new BadCredentialsException(FAILURE_MESSAGE);
  }

  private static String remoteIp(Authentication authentication) {
    return ClientAddress.of(authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
