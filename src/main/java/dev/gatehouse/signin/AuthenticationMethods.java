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
  public static final String WEBAUTHN_AUTHORITY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
  /**
   * What a security key or passkey told of itself, kept beside its factor for {@code amr}: a
   * hardware key ({@code hwk}) or one in the device ({@code swk}), the user's presence
   * ({@code user}) and their verification by PIN or biometrics ({@code pin}), as Authelia says them.
   */
  public static final String HARDWARE_KEY = "AMR_hwk";
  public static final String SOFTWARE_KEY = "AMR_swk";
  public static final String USER_PRESENT = "AMR_user";
  public static final String USER_VERIFIED = "AMR_pin";
  /**
   * A passkey sign-in with user verification, under {@code experimental_enable_passkey_uv_two_factors}:
   * two factors on its own, as Authelia counts it, though {@code amr} has no {@code mfa}.
   */
  public static final String VERIFIED_PASSKEY = "TWO_FACTORS_passkey";
  private static final List<String> KEY_DETAILS = List.of(HARDWARE_KEY, SOFTWARE_KEY, USER_PRESENT, USER_VERIFIED);

  private AuthenticationMethods() {
  }

  /**
   * Authelia's {@code amr} (RFC 8176): {@code pwd} for a password, {@code otp} for a TOTP code,
   * {@code pop} and what the key told of itself for a security key or passkey, and {@code mfa} once
   * something known (the password) and something held (a code or a key) are both in.
   */
  public static List<String> amr(Collection<? extends GrantedAuthority> authorities) {
    List<String> methods = new ArrayList<>();
    boolean password = hasPassword(authorities);
    if (password) {
      methods.add("pwd");
    }
    if (has(authorities, TOTP_AUTHORITY)) {
      methods.add("otp");
    }
    if (has(authorities, WEBAUTHN_AUTHORITY)) {
      methods.add("pop");
      KEY_DETAILS.stream().filter(detail -> has(authorities, detail))
          .forEach(detail -> methods.add(detail.substring("AMR_".length())));
    }
    if (password && hasSecondFactor(authorities)) {
      methods.add("mfa");
    }
    return methods;
  }

  /** Whether something held was proven: a TOTP code, or a security key or passkey. */
  public static boolean hasSecondFactor(Collection<? extends GrantedAuthority> authorities) {
    return has(authorities, TOTP_AUTHORITY) || has(authorities, WEBAUTHN_AUTHORITY);
  }

  public static boolean hasPassword(Collection<? extends GrantedAuthority> authorities) {
    return has(authorities, FactorGrantedAuthority.PASSWORD_AUTHORITY);
  }

  /**
   * Authelia's two-factor level: something known (the password) and something held (a code or a
   * key), or a verified passkey where the configuration counts it as both.
   */
  public static boolean hasTwoFactors(Collection<? extends GrantedAuthority> authorities) {
    return hasPassword(authorities) && hasSecondFactor(authorities) || has(authorities, VERIFIED_PASSKEY);
  }

  /** The markers of what a key told of itself, for {@link #amr}; a later key's replace them. */
  public static List<String> keyDetails(boolean hardware, boolean userPresent, boolean userVerified) {
    List<String> details = new ArrayList<>();
    details.add(hardware ? HARDWARE_KEY : SOFTWARE_KEY);
    if (userPresent) {
      details.add(USER_PRESENT);
    }
    if (userVerified) {
      details.add(USER_VERIFIED);
    }
    return details;
  }

  public static boolean isKeyDetail(GrantedAuthority authority) {
    return KEY_DETAILS.contains(authority.getAuthority());
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
