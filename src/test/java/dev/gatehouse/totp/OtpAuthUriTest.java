package dev.gatehouse.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtpAuthUriTest {

  private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void autheliaDefaults() {
    String uri = OtpAuthUri.build("example.com", "john", SECRET, new TotpParameters(TotpAlgorithm.SHA1, 6, 30));

    assertThat(uri).isEqualTo("otpauth://totp/example.com:john"
        + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=example.com&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void percentEncodesSpacesColonsAndNonAscii() {
    String uri = OtpAuthUri.build(
        "ACME Co: Gäste", "john.doe+2fa@example.com", SECRET, new TotpParameters(TotpAlgorithm.SHA256, 8, 60));

    assertThat(uri).isEqualTo("otpauth://totp/ACME%20Co%3A%20G%C3%A4ste:john.doe%2B2fa@example.com"
        + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co%3A%20G%C3%A4ste"
        + "&algorithm=SHA256&digits=8&period=60");
  }

  @Test
  void aUriParserGetsTheOriginalLabelAndIssuerBack() {
    URI uri = URI.create(OtpAuthUri.build(
        "ACME Co: Gäste", "jöhn", SECRET, new TotpParameters(TotpAlgorithm.SHA512, 6, 30)));

    assertThat(uri.getScheme()).isEqualTo("otpauth");
    assertThat(uri.getHost()).isEqualTo("totp");
    // Split on the raw path: the only literal colon is the separator.
    String[] label = uri.getRawPath().substring(1).split(":");
    assertThat(label).hasSize(2);
    assertThat(URI.create("x:/" + label[0]).getPath()).isEqualTo("/ACME Co: Gäste");
    assertThat(URI.create("x:/" + label[1]).getPath()).isEqualTo("/jöhn");
    assertThat(uri.getQuery()).contains("issuer=ACME Co: Gäste").contains("algorithm=SHA512");
  }

  @Test
  void refusesAnEmptyIssuerOrAccount() {
    TotpParameters parameters = new TotpParameters(TotpAlgorithm.SHA1, 6, 30);

    assertThatThrownBy(() -> OtpAuthUri.build("", "john", SECRET, parameters))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OtpAuthUri.build("example.com", null, SECRET, parameters))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
