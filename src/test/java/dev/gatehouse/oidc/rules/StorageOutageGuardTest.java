package dev.gatehouse.oidc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.oidc.tokens.UserInfoErrorResponses;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Spring Authorization Server's userinfo and end-session endpoints turn any exception into a 400
 * that shows its message: a storage outage must come out of them whole, to be answered 503.
 */
class StorageOutageGuardTest {

  private static final Authentication REQUEST = new TestingAuthenticationToken("user", "token");

  @Test
  void outageIsKeptAsTheCauseOfAnOAuthErrorAndThrownOnByTheUserInfoErrorHandler() {
    CannotCreateTransactionException outage = new CannotCreateTransactionException("database is down");
    AuthenticationProvider guarded = new StorageOutageGuard(failingWith(outage));
    OAuth2AuthenticationException failure = catchThrowableOfType(OAuth2AuthenticationException.class,
        () -> guarded.authenticate(REQUEST));
    assertThat(failure.getError().getErrorCode()).isEqualTo("temporarily_unavailable");
    assertThat(failure.getError().getDescription()).doesNotContain("database is down");
    assertThatThrownBy(() -> new UserInfoErrorResponses().onAuthenticationFailure(new MockHttpServletRequest(),
        new MockHttpServletResponse(), failure)).isSameAs(outage);
  }

  @Test
  void otherFailuresPassUnchangedAndKeepTheirStatus() throws Exception {
    IllegalArgumentException bug = new IllegalArgumentException("not an outage");
    assertThatThrownBy(() -> new StorageOutageGuard(failingWith(bug)).authenticate(REQUEST)).isSameAs(bug);
    MockHttpServletResponse response = new MockHttpServletResponse();
    new UserInfoErrorResponses().onAuthenticationFailure(new MockHttpServletRequest(), response,
        new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN)));
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentAsString()).contains("\"error\":\"invalid_token\"");
  }

  private static AuthenticationProvider failingWith(RuntimeException failure) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        throw failure;
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return true;
      }
    };
  }
}
