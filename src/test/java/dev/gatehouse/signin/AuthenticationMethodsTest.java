package dev.gatehouse.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** {@code amr} as Authelia writes it, for each way of signing in. */
class AuthenticationMethodsTest {

  private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void passwordAndTotp() {
    assertThat(AuthenticationMethods.amr(factors(FactorGrantedAuthority.PASSWORD_AUTHORITY,
        AuthenticationMethods.TOTP_AUTHORITY))).containsExactly("pwd", "otp", "mfa");
    assertThat(AuthenticationMethods.amr(factors(FactorGrantedAuthority.PASSWORD_AUTHORITY))).containsExactly("pwd");
  }

  @Test
  void passwordAndAHardwareSecurityKeyTouched() {
    List<GrantedAuthority> authorities = factors(FactorGrantedAuthority.PASSWORD_AUTHORITY,
        AuthenticationMethods.WEBAUTHN_AUTHORITY);
    AuthenticationMethods.keyDetails(true, true, false).forEach(d -> authorities.add(new SimpleGrantedAuthority(d)));
    assertThat(AuthenticationMethods.amr(authorities)).containsExactly("pwd", "pop", "hwk", "user", "mfa");
    assertThat(AuthenticationMethods.hasSecondFactor(authorities)).isTrue();
  }

  @Test
  void aPasskeyAloneWithItsPinIsOneFactor() {
    List<GrantedAuthority> authorities = factors(AuthenticationMethods.WEBAUTHN_AUTHORITY);
    AuthenticationMethods.keyDetails(false, true, true).forEach(d -> authorities.add(new SimpleGrantedAuthority(d)));
    assertThat(AuthenticationMethods.amr(authorities)).containsExactly("pop", "swk", "user", "pin");
  }

  private static List<GrantedAuthority> factors(String... factors) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String factor : factors) {
      authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(AT).build());
    }
    return authorities;
  }
}
