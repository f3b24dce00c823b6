package dev.gatehouse.signin;

import dev.gatehouse.crypto.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * What the factors a user proved say in the id_token: {@code amr} (RFC 8176), {@code auth_time}
 * and {@code sid}. Each is derived from the login alone, so an ID token made from a grant read back
 * from storage, on any instance, says the same as one made where the user signed in.
 */
public final class AuthenticationMethods {

  public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

  private AuthenticationMethods() {
  }

  /** {@code pwd} for a password, {@code otp} for a TOTP code, and {@code mfa} once both are in. */
  public static List<String> amr(Collection<? extends GrantedAuthority> authorities) {
    List<String> methods = new ArrayList<>();
    if (has(authorities, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
      methods.add("pwd");
    }
    if (has(authorities, TOTP_AUTHORITY)) {
      methods.add("otp");
    }
    if (methods.size() > 1) {
      methods.add("mfa");
    }
    return methods;
  }

  /** The moment of the latest factor, which is when this login was completed. */
  public static Optional<Instant> authenticatedAt(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream()
        .filter(FactorGrantedAuthority.class::isInstance)
        .map(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
        .max(Instant::compareTo);
  }

  /** The moment of the first factor, which is when this login began. */
  public static Optional<Instant> firstFactorAt(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream()
        .filter(FactorGrantedAuthority.class::isInstance)
        .map(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
        .min(Instant::compareTo);
  }

  /**
   * The {@code sid} of a login: the same for every ID token of one sign-in, whichever client or
   * instance it is for, and different for the next sign-in. A digest of the user and the moment
   * the first factor was proven, so it tells nothing of either and needs no storage of its own.
   */
  public static Optional<String> sessionId(String username, Collection<? extends GrantedAuthority> authorities) {
    return firstFactorAt(authorities)
        .map(signedInAt -> Base64.getUrlEncoder().withoutPadding().encodeToString(
            Sha256.of("sid\n" + username + "\n" + signedInAt.getEpochSecond() + "." + signedInAt.getNano())));
  }

  private static boolean has(Collection<? extends GrantedAuthority> authorities, String authority) {
    return authorities.stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
  }
}
