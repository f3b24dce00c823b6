package dev.gatehouse.oidc.authorize;

import static dev.gatehouse.oidc.authorize.LoginRequirement.Hint.ABSENT;
import static dev.gatehouse.oidc.authorize.LoginRequirement.Hint.SIGNED_IN_USER;
import static dev.gatehouse.oidc.authorize.LoginRequirement.Hint.SOMEONE_ELSE;
import static dev.gatehouse.oidc.authorize.LoginRequirement.Outcome.INTERACTION_REQUIRED;
import static dev.gatehouse.oidc.authorize.LoginRequirement.Outcome.LOGIN;
import static dev.gatehouse.oidc.authorize.LoginRequirement.Outcome.LOGIN_AGAIN;
import static dev.gatehouse.oidc.authorize.LoginRequirement.Outcome.LOGIN_REQUIRED;
import static dev.gatehouse.oidc.authorize.LoginRequirement.Outcome.PROCEED;
import static dev.gatehouse.oidc.authorize.LoginRequirement.Outcome.SECOND_FACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.PolicyLevel;
import dev.gatehouse.oidc.authorize.LoginRequirement.Hint;
import dev.gatehouse.oidc.authorize.LoginRequirement.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table of {@link LoginRequirement}. Times are seconds before now; "-" is none. A
 * login is "asked" when the gate sent the user to sign in for this very request, at that time.
 */
class LoginRequirementTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  @ParameterizedTest(name = "{0}: policy {1}, prompt [{2}], max_age {3}, password {4}s ago, latest factor {5}s ago,"
      + " asked {6}s ago, hint {7} -> {8}")
  @CsvSource(delimiter = '|', textBlock = """
      nobody signed in                       | one | ''          | -   | -   | -   | -  | ABSENT         | LOGIN
      signed in                              | one | ''          | -   | 60  | 60  | -  | ABSENT         | PROCEED
      password only, two_factor              | two | ''          | -   | 60  | 60  | -  | ABSENT         | SECOND_FACTOR
      both factors, two_factor               | two | ''          | -   | 60  | 30  | -  | ABSENT         | PROCEED
      prompt=none, nobody                    | one | none        | -   | -   | -   | -  | ABSENT         | LOGIN_REQUIRED
      prompt=none, password only, two_factor | two | none        | -   | 60  | 60  | -  | ABSENT         | INTERACTION_REQUIRED
      prompt=none, signed in                 | one | none        | -   | 60  | 60  | -  | ABSENT         | PROCEED
      prompt=login, signed in before         | one | login       | -   | 60  | 60  | -  | ABSENT         | LOGIN_AGAIN
      prompt=login, signed in for it         | one | login       | -   | 5   | 5   | 10 | ABSENT         | PROCEED
      prompt=login, asked after the login    | one | login       | -   | 60  | 60  | 10 | ABSENT         | LOGIN_AGAIN
      prompt=login, for it, TOTP missing     | two | login       | -   | 5   | 5   | 10 | ABSENT         | SECOND_FACTOR
      max_age met                            | one | ''          | 120 | 60  | 60  | -  | ABSENT         | PROCEED
      max_age passed                         | one | ''          | 30  | 60  | 60  | -  | ABSENT         | LOGIN_AGAIN
      max_age counts the latest factor       | two | ''          | 120 | 600 | 60  | -  | ABSENT         | PROCEED
      max_age=0 is prompt=login              | one | ''          | 0   | 1   | 1   | -  | ABSENT         | LOGIN_AGAIN
      max_age=0 met by the login for it      | two | ''          | 0   | 8   | 2   | 10 | ABSENT         | PROCEED
      max_age=1 met by a slow login for it   | two | ''          | 1   | 8   | 3   | 10 | ABSENT         | PROCEED
      prompt=none, max_age passed            | one | none        | 30  | 60  | 60  | -  | ABSENT         | LOGIN_REQUIRED
      prompt=none, max_age=0                 | one | none        | 0   | 1   | 1   | -  | ABSENT         | LOGIN_REQUIRED
      hint of the signed-in user             | one | none        | -   | 60  | 60  | -  | SIGNED_IN_USER | PROCEED
      prompt=none, hint of someone else      | one | none        | -   | 60  | 60  | -  | SOMEONE_ELSE   | LOGIN_REQUIRED
      hint of someone else                   | one | ''          | -   | 60  | 60  | -  | SOMEONE_ELSE   | LOGIN_AGAIN
      hint of someone else, nobody in        | one | ''          | -   | -   | -   | -  | SOMEONE_ELSE   | LOGIN
      hint still someone else after login    | one | ''          | -   | 5   | 5   | 10 | SOMEONE_ELSE   | LOGIN_REQUIRED
      denied: nobody in, sign in first       | deny | ''         | -   | -   | -   | -  | ABSENT         | LOGIN
      denied right after the password        | deny | ''         | -   | 5   | 5   | 10 | ABSENT         | DENIED
      denied, already signed in              | deny | ''         | -   | 60  | 60  | -  | ABSENT         | DENIED
      denied, prompt=none                    | deny | none       | -   | 60  | 60  | -  | ABSENT         | DENIED
      denied but prompt=login comes first    | deny | login      | -   | 60  | 60  | -  | ABSENT         | LOGIN_AGAIN
      prompt=none, denied, nobody in         | deny | none       | -   | -   | -   | -  | ABSENT         | LOGIN_REQUIRED
      """)
  void decides(String situation, String policy, String prompt, String maxAge, String passwordAgo,
      String latestFactorAgo, String askedAgo, Hint hint, Outcome expected) {
    PolicyLevel required = switch (policy) {
      case "two" -> PolicyLevel.TWO_FACTOR;
      case "one" -> PolicyLevel.ONE_FACTOR;
      default -> PolicyLevel.DENY;
    };
    LoginRequirement requirement = new LoginRequirement(required,
        Arrays.stream(prompt.split(" ")).filter(value -> !value.isEmpty()).collect(Collectors.toSet()),
        "-".equals(maxAge) ? null : Duration.ofSeconds(Long.parseLong(maxAge)), ago(passwordAgo),
        ago(latestFactorAgo), "two".equals(policy) && !latestFactorAgo.equals(passwordAgo), ago(askedAgo), hint);
    assertThat(requirement.decide(NOW)).as(situation).isEqualTo(expected);
  }

  private static Instant ago(String seconds) {
    return "-".equals(seconds) ? null : NOW.minusSeconds(Long.parseLong(seconds));
  }
}
