package dev.gatehouse.portal;

import dev.gatehouse.oidc.OidcConfiguration;
import dev.gatehouse.oidc.consent.ConsentForm;
import dev.gatehouse.web.ErrorAnswer;
import dev.gatehouse.web.IssuerHosts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a portal form (sign-in, TOTP, enrolment, consent, sign-out) posted from a page of
 * another origin, as the browser reports it: an {@code Origin} that is not Gatehouse's own, or
 * {@code Sec-Fetch-Site} saying {@code cross-site} or {@code same-site} (a sibling subdomain is
 * another origin too). A defence beside the CSRF token, which a page on a sibling subdomain could
 * otherwise plant a cookie against. {@code Origin: null} passes: browsers send it for every form
 * of a page with {@code Referrer-Policy: no-referrer}, as the portal's pages are.
 *
 * <p>The API endpoints are left alone, since clients call them from anywhere: token, userinfo,
 * introspection, revocation, and the authorization and end-session requests that relying parties
 * may send as cross-site POSTs. The consent form, which posts to the authorization endpoint, is
 * told from those by having no {@code response_type}.
 */
final class CrossSiteFormFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CrossSiteFormFilter.class);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean consentForm = OidcConfiguration.AUTHORIZATION_ENDPOINT.equals(path) && ConsentForm.isSubmission(request);
    return path.startsWith("/api/") && !consentForm;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String site = request.getHeader("Sec-Fetch-Site");
    boolean otherOrigin = origin != null && !"null".equals(origin) && !origin.equalsIgnoreCase(ownOrigin(request));
    boolean otherSite = "cross-site".equals(site) || "same-site".equals(site);
    if (otherOrigin || otherSite) {
      log.info("Refused a form posted to {} from another origin (Origin: {}, Sec-Fetch-Site: {})",
          request.getRequestURI(), origin, site);
      ErrorAnswer.FORGED_FORM.send(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The origin the browser is at when it shows a Gatehouse page: the request's, as the proxy names it. */
  private static String ownOrigin(HttpServletRequest request) {
    return IssuerHosts.Origin.of(request).toString();
  }
}
