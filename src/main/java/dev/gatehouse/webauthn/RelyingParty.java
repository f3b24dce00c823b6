package dev.gatehouse.webauthn;

import dev.gatehouse.web.IssuerHosts;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a ceremony is for: the RP ID (the issuer's host, as Authelia takes it from the request) and
 * the one origin the browser may report, e.g. {@code https://auth.example.com}.
 */
public record RelyingParty(String id, String origin) {

  /**
   * The party of the issuer a request came in on. Requests for hosts that are not an issuer's were
   * already refused ({@code UnknownHostFilter}), so a credential is only ever bound to an issuer.
   */
  public static RelyingParty of(HttpServletRequest request) {
    IssuerHosts.Origin origin = IssuerHosts.Origin.of(request);
    return new RelyingParty(origin.host(), origin.toString());
  }
}
