package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.storage.StorageEncryption;
import dev.gatehouse.webauthn.Ceremony;
import dev.gatehouse.webauthn.RelyingParty;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** What a Redis session holds is JSON of known types, sealed under session.secret. */
class SessionValueFormatTest {

  private final SessionValueFormat format = new SessionValueFormat(new StorageEncryption("secret", "session.secret"));

  @Test
  void aSignInSurvivesTheRoundTrip() {
    UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated("john", null,
        List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
            .issuedAt(Instant.parse("2026-12-04T08:00:00.123456Z")).build()));
    signedIn.setDetails(new WebAuthenticationDetails("192.0.2.7", null));
    SecurityContextImpl context = new SecurityContextImpl(signedIn);

    Authentication read = ((SecurityContextImpl) format.deserialize(format.serialize(context))).getAuthentication();

    assertThat(read.getName()).isEqualTo("john");
    assertThat(read.isAuthenticated()).isTrue();
    assertThat(List.copyOf(read.getAuthorities())).isEqualTo(List.copyOf(signedIn.getAuthorities()));
    assertThat(((FactorGrantedAuthority) read.getAuthorities().iterator().next()).getIssuedAt())
        .isEqualTo(Instant.parse("2026-12-04T08:00:00.123456Z"));
    assertThat(((WebAuthenticationDetails) read.getDetails()).getRemoteAddress()).isEqualTo("192.0.2.7");
  }

  @Test
  void simpleValuesKeepTheirType() {
    for (Object value : List.of("text", 42, 1_700_000_000_000L, Boolean.TRUE, Instant.parse("2026-01-02T03:04:05Z"),
        new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-value"))) {
      assertThat(format.deserialize(format.serialize(value))).usingRecursiveComparison().isEqualTo(value);
    }
  }

  @Test
  void aWebAuthnCeremonySurvivesTheRoundTrip() {
    Ceremony ceremony = new Ceremony(Ceremony.Kind.SECOND_FACTOR, new byte[] {1, 2, 3},
        new RelyingParty("auth.example.com", "https://auth.example.com"), "john", true,
        Instant.parse("2026-12-04T10:01:00Z"));
    assertThat(format.deserialize(format.serialize(ceremony))).usingRecursiveComparison().isEqualTo(ceremony);
  }

  @Test
  void aRemovedValueIsWrittenAsNothingAndReadAsAbsent() {
    assertThat(format.serialize(null)).isEmpty();
    assertThat(format.deserialize(new byte[0])).isNull();
  }

  @Test
  void valuesAreSealedUnderTheSecret() {
    byte[] sealed = format.serialize("john");
    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("john");
    SessionValueFormat otherSecret = new SessionValueFormat(new StorageEncryption("other", "session.secret"));
    assertThatThrownBy(() -> otherSecret.deserialize(sealed)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("session.secret");
  }

  @Test
  void typesOutsideTheListAreRefused() {
    assertThatThrownBy(() -> format.serialize(new java.util.Random())).isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.util.Random");
  }
}
