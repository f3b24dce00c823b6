package dev.gatehouse.oidc.consent;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The consent page and the fields its form adds to SAS's {@code client_id}, {@code state} and
 * {@code scope}; templates/consent.html spells the same names.
 */
public final class ConsentForm {

  /** Where SAS sends the user, with {@code client_id}, {@code scope} and its own {@code state}. */
  public static final String PAGE = "/consent";


  static final String DECISION = "decision";
  static final String ACCEPT = "accept";
  static final String REMEMBER = "remember";
  static final String TICKED = "true";

  private ConsentForm() {
  }

  /**
   * Whether a request to the authorization endpoint is this form's answer: a POST without
   * {@code response_type}, which tells it from an authorization request a client sends by POST.
   */
  public static boolean isSubmission(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null;
  }

  /** The form's answers among the requests {@code authorizationEndpoint} matches. */
  public static RequestMatcher submissionsTo(RequestMatcher authorizationEndpoint) {
    return request -> authorizationEndpoint.matches(request) && isSubmission(request);
  }

  /** Only the Accept button approves: a submission without a decision is a refusal. */
  static boolean accepted(Map<String, Object> submitted) {
    return ACCEPT.equals(submitted.get(DECISION));
  }

  /**
   * Whether the consent form submitted in the current request asks to remember the answer. SAS
   * hands its consent service only the consent itself, so the service reads this from the request.
   */
  static boolean rememberTicked() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        && TICKED.equals(attributes.getRequest().getParameter(REMEMBER));
  }
}
