package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.WITH_CLIENT;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.ClaimsPolicy;
import dev.gatehouse.config.schema.ExtraAttribute;
import dev.gatehouse.config.schema.Network;
import dev.gatehouse.config.schema.OidcClientConfig;
import dev.gatehouse.config.schema.PolicyLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code authorization_policies}, {@code claims_policies}, {@code scopes}, {@code definitions.network}
 * and {@code extra_attributes}: a file that uses them as Authelia's documentation does loads without
 * a warning, and each broken rule gets Authelia's words under its key path.
 */
class PoliciesConfigurationTest {

  private static final String POLICIES = "identity_providers.oidc.authorization_policies.";
  private static final String CLAIMS = "identity_providers.oidc.claims_policies.";

  /** {@link Fixtures#WITH_CLIENT} with {@code provider} before its clients and {@code client} in its client. */
  private static String withPolicies(String provider, String client) {
    return WITH_CLIENT.replace("    clients:\n", provider.stripIndent().indent(4) + "    clients:\n")
        + client.stripIndent().indent(8);
  }

  @Test
  void autheliasDocumentedShapesLoadWithoutAWarning() {
    LoadResult result = load(withPolicies("""
        authorization_policies:
          librechat_users:
            default_policy: 'deny'
            rules:
              - policy: 'two_factor'
                subject: 'group:librechat'
              - policy: 'one_factor'
                subject:
                  - ['group:admins', 'user:john']
                  - 'user:alice'
                networks: ['internal', '192.168.1.10']
        claims_policies:
          librechat:
            id_token: ['groups', 'email', 'department']
            access_token: ['groups']
            id_token_audience_mode: 'experimental-merged'
            custom_claims:
              department:
                attribute: 'dept'
        scopes:
          org:
            claims: ['department']
        """, """
        authorization_policy: 'librechat_users'
        claims_policy: 'librechat'
        scopes: ['openid', 'email', 'groups', 'org']
        audience: ['https://api.example.com']
        requested_audience_mode: 'implicit'
        access_token_signed_response_alg: 'RS256'
        """).replace("    path: 'config/users.yml'\n", """
            path: 'config/users.yml'
            extra_attributes:
              dept:
                value_type: 'string'
              projects:
                multi_valued: true
                value_type: 'string'
        """) + """
        definitions:
          network:
            internal: ['10.0.0.0/8', 'fd00::/8']
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    OidcClientConfig client = result.configuration().oidc().clients().get(0);
    AuthorizationPolicy policy = client.authorizationPolicy();
    assertThat(policy.name()).isEqualTo("librechat_users");
    assertThat(policy.defaultPolicy()).isEqualTo(PolicyLevel.DENY);
    assertThat(policy.rules().get(0).subjects()).containsExactly(List.of("group:librechat"));
    assertThat(policy.rules().get(1).subjects())
        .containsExactly(List.of("group:admins", "user:john"), List.of("user:alice"));
    assertThat(policy.rules().get(1).networks()).map(Network::text)
        .containsExactly("10.0.0.0/8", "fd00::/8", "192.168.1.10");
    assertThat(client.claimsPolicy().customClaims())
        .containsEntry("department", new ClaimsPolicy.CustomClaim("department", "dept"));
    assertThat(client.claimsPolicy().audienceMode()).isEqualTo(ClaimsPolicy.IdTokenAudienceMode.EXPERIMENTAL_MERGED);
    assertThat(client.audience()).containsExactly("https://api.example.com");
    assertThat(client.requestedAudienceMode()).isEqualTo(OidcClientConfig.AudienceMode.IMPLICIT);
    assertThat(result.configuration().oidc().customScopes()).containsEntry("org", List.of("department"));
    assertThat(result.configuration().authenticationBackend().extraAttributes())
        .containsEntry("projects", new ExtraAttribute(true, ExtraAttribute.ValueType.STRING));
  }

  @Test
  void policyRulesAreCheckedInAutheliasWords() {
    LoadResult result = load(withPolicies("""
        authorization_policies:
          deny:
            rules:
              - subject: 'user:john'
          strict:
            default_policy: 'three_factor'
            rules:
              - policy: 'maybe'
                subject: 'user:john'
              - policy: 'one_factor'
              - subject: ['john', ['group:a', 'team:b']]
              - networks: ['10.0.0.0/33', 'not-a-network']
          empty:
            default_policy: 'one_factor'
        """, "authorization_policy: 'nope'\n"));

    assertThat(result.errors()).containsExactlyInAnyOrder(
        POLICIES + "deny: policy 'deny': option 'name' must not be one of 'one_factor', 'two_factor', and 'deny'"
            + " but it's configured as 'deny'",
        POLICIES + "strict.default_policy: policy 'strict': option 'default_policy' must be one of 'one_factor',"
            + " 'two_factor', and 'deny' but it's configured as 'three_factor'",
        POLICIES + "strict.rules[0].policy: policy 'strict': rules: rule #1: option 'policy' must be one of"
            + " 'one_factor', 'two_factor', and 'deny' but it's configured as 'maybe'",
        POLICIES + "strict.rules[1]: policy 'strict': rules: rule #2: option 'subject' or 'networks' is required",
        POLICIES + "strict.rules[2].subject: policy 'strict': rules: rule #3: option 'subject' with value 'john'"
            + " is invalid: must start with 'user:' or 'group:'",
        POLICIES + "strict.rules[2].subject: policy 'strict': rules: rule #3: option 'subject' with value 'team:b'"
            + " is invalid: must start with 'user:' or 'group:'",
        POLICIES + "strict.rules[3].networks[0]: failed to parse network \"10.0.0.0/33\": invalid CIDR address:"
            + " 10.0.0.0/33",
        POLICIES + "strict.rules[3].networks[1]: failed to parse network \"not-a-network\": invalid CIDR address:"
            + " not-a-network",
        POLICIES + "empty.rules: policy 'empty': option 'rules' is required",
        "identity_providers.oidc.clients[0].authorization_policy: client 'app': must be one of 'one_factor',"
            + " 'two_factor', 'strict', or 'empty' but it's configured as 'nope'");
  }

  @Test
  void denyIsNotAClientPolicy() {
    LoadResult result = load(withPolicies("", "authorization_policy: 'deny'\n"));

    assertThat(result.errors()).containsExactly("identity_providers.oidc.clients[0].authorization_policy:"
        + " client 'app': must be one of 'one_factor' or 'two_factor' but it's configured as 'deny'");
  }

  @Test
  void claimsPoliciesAndScopesAreCheckedInAutheliasWords() {
    LoadResult result = load(withPolicies("""
        claims_policies:
          broken:
            id_token: ['sub', 'shoe_size']
            access_token: ['client_id', 'groups']
            id_token_audience_mode: 'merged'
            custom_claims:
              iss: {}
              nickname2:
                attribute: 'shoe_size'
        scopes:
          profile:
            claims: ['email']
          authelia.custom:
            claims: ['groups']
          org:
            claims: ['exp', 'unknown_claim']
        """, "claims_policy: 'missing'\n"));

    assertThat(result.errors()).containsExactlyInAnyOrder(
        CLAIMS + "broken.id_token: claim with name 'sub' can't be used in a claims policy as it's a standard claim",
        CLAIMS + "broken.id_token: claim with name 'shoe_size' is not known",
        CLAIMS + "broken.access_token: claim with name 'client_id' can't be used in a claims policy as it's a"
            + " standard claim",
        CLAIMS + "broken.id_token_audience_mode: must be one of 'specification' or 'experimental-merged' but it's"
            + " configured as 'merged'",
        CLAIMS + "broken.custom_claims.iss: claim with name 'iss' can't be used in a claims policy as it's a"
            + " standard claim",
        CLAIMS + "broken.custom_claims.iss: claim with name 'iss' has an attribute name 'iss' which is not a known"
            + " attribute",
        CLAIMS + "broken.custom_claims.nickname2: claim with name 'nickname2' has an attribute name 'shoe_size'"
            + " which is not a known attribute",
        "identity_providers.oidc.scopes.profile: scope with name 'profile' can't be used as a custom scope because"
            + " it's a standard scope",
        "identity_providers.oidc.scopes.authelia.custom: scope with name 'authelia.custom' can't be used as a custom"
            + " scope because all scopes prefixed with 'authelia.' are reserved",
        "identity_providers.oidc.scopes.org.claims: claim with name 'exp' can't be used in a custom scope as it's a"
            + " standard claim",
        "identity_providers.oidc.scopes.org.claims: claim with name 'unknown_claim' is not a known claim",
        "identity_providers.oidc.clients[0].claims_policy: identity_providers: oidc: clients: client 'app': option"
            + " 'claims_policy' is not the name of a configured claims policy");
  }

  @Test
  void extraAttributesAreCheckedInAutheliasWords() {
    LoadResult result = load(MINIMAL.replace("    path: 'config/users.yml'\n", """
            path: 'config/users.yml'
            extra_attributes:
              email:
                value_type: 'string'
              shoe_size:
                value_type: 'float'
              badge: {}
        """));

    assertThat(result.errors()).containsExactlyInAnyOrder(
        "authentication_backend.file.extra_attributes.email: attribute name 'email' is reserved",
        "authentication_backend.file.extra_attributes.shoe_size.value_type: option 'value_type' must be one of"
            + " 'string', 'integer', or 'boolean' but it's configured as 'float'",
        "authentication_backend.file.extra_attributes.badge.value_type: option 'value_type' is required");
  }

  @Test
  void aClaimNoneOfTheClientsScopesReleasesIsWarnedAbout() {
    LoadResult result = load(withPolicies("""
        claims_policies:
          librechat:
            id_token: ['groups', 'email']
        """, "claims_policy: 'librechat'\nscopes: ['openid', 'profile', 'email']\n"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly("identity_providers.oidc.clients[0].claims_policy: client 'app':"
        + " claims policy 'librechat' puts 'groups' in its tokens, but only the 'groups' scope releases it and the"
        + " client's scopes do not include it");
  }

  @Test
  void aCustomScopeClaimTheClientsPolicyDoesNotProvideIsAnError() {
    LoadResult result = load(withPolicies("""
        claims_policies:
          plain:
            id_token: ['email']
          rich:
            custom_claims:
              department: {attribute: 'email'}
        scopes:
          org:
            claims: ['department']
        """, "claims_policy: 'plain'\nscopes: ['openid', 'org']\n"));

    assertThat(result.errors()).containsExactly("identity_providers.oidc.clients[0].scopes: identity_providers:"
        + " oidc: clients: client 'app': option 'scopes' contains value 'org' which requires claim 'department'"
        + " but the claim is not a claim provided by 'claims_policy' with the name 'plain' or a standard claim");
  }
}
