package dev.gatehouse.oidc.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the discovery documents honest: Spring Authorization Server advertises everything it could
 * do, while only what Gatehouse actually serves may appear.
 */
public final class DiscoveryMetadata {

  static final List<String> SCOPES =
      List.of("openid", "offline_access", "profile", "email", "address", "phone", "groups");
  static final List<String> CLAIMS = List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce",
      "azp", "amr", "at_hash", "sid", "name", "given_name", "family_name", "middle_name", "nickname",
      "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo",
      "locale", "email", "email_verified", "phone_number", "phone_number_verified", "address", "groups");
  private static final List<String> CLIENT_AUTH = List.of("client_secret_basic", "client_secret_post");
  private static final Set<String> UNSUPPORTED = Set.of("dpop_signing_alg_values_supported",
      "tls_client_certificate_bound_access_tokens", "token_endpoint_auth_signing_alg_values_supported");

  private final List<String> signingAlgorithms;
  private final List<String> scopes;
  private final List<String> claims;

  /** {@code customScopes}: {@code scopes.<name>.claims}, which are advertised with the standard ones. */
  public DiscoveryMetadata(Set<String> signingAlgorithms, Map<String, List<String>> customScopes) {
    this.signingAlgorithms = List.copyOf(signingAlgorithms);
    this.scopes = Stream.concat(SCOPES.stream(), customScopes.keySet().stream().sorted()).distinct().toList();
    this.claims = Stream.concat(CLAIMS.stream(), customScopes.values().stream().flatMap(List::stream).sorted())
        .distinct().toList();
  }

  /** Rewrites the OAuth 2.0 metadata fields shared by both well-known documents. */
  public void customizeOAuth(Map<String, Object> metadata) {
    UNSUPPORTED.forEach(metadata::remove);
    metadata.put("response_types_supported", list("code"));
    metadata.put("response_modes_supported", list("query"));
    metadata.put("grant_types_supported", list("authorization_code", "refresh_token"));
    metadata.put("token_endpoint_auth_methods_supported", withPublic(CLIENT_AUTH));
    metadata.put("revocation_endpoint_auth_methods_supported", withPublic(CLIENT_AUTH));
    metadata.put("introspection_endpoint_auth_methods_supported", new ArrayList<>(CLIENT_AUTH));
    metadata.put("code_challenge_methods_supported", list("S256"));
    metadata.put("scopes_supported", new ArrayList<>(scopes));
    metadata.put("authorization_response_iss_parameter_supported", true);
  }

  /** Adds the OpenID Connect fields of {@code /.well-known/openid-configuration}. */
  public void customizeOidc(Map<String, Object> metadata) {
    customizeOAuth(metadata);
    metadata.put("subject_types_supported", list("public"));
    metadata.put("id_token_signing_alg_values_supported", new ArrayList<>(signingAlgorithms));
    metadata.put("userinfo_signing_alg_values_supported", list("none"));
    metadata.put("claims_supported", new ArrayList<>(claims));
    metadata.put("claims_parameter_supported", true);
    metadata.put("request_parameter_supported", false);
    metadata.put("request_uri_parameter_supported", false);
  }

  private static List<String> withPublic(List<String> methods) {
    List<String> all = new ArrayList<>(methods);
    all.add("none");
    return all;
  }

  private static List<String> list(String... values) {
    return new ArrayList<>(List.of(values));
  }
}
