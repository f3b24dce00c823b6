package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * An OpenID provider under test as a relying party knows it: the endpoints its discovery document
 * names, a client registered there, and users who can sign in ({@code totp} set when they have a
 * second factor enrolled).
 */
record Provider(String name, URI issuer, Endpoints endpoints, Client client, List<Account> accounts, TotpCodes totp) {

  record Endpoints(URI discovery, URI authorization, URI token, URI userinfo, URI introspection, URI jwks) {
  }

  static Provider discover(String name, URI issuer, Client client, List<Account> accounts) throws IOException {
    URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
    try (HttpConnection connection = new HttpConnection(issuer)) {
      String document = connection.get(discovery).expect(200).text();
      Endpoints endpoints = new Endpoints(discovery,
          URI.create(Json.required(document, "authorization_endpoint")),
          URI.create(Json.required(document, "token_endpoint")),
          URI.create(Json.required(document, "userinfo_endpoint")),
          URI.create(Json.required(document, "introspection_endpoint")),
          URI.create(Json.required(document, "jwks_uri")));
      return new Provider(name, issuer, endpoints, client, accounts, null);
    }
  }

  /** The same provider once its users have a TOTP device. */
  Provider withDevices(List<Account> enrolled, TotpCodes codes) {
    return new Provider(name, issuer, endpoints, client, enrolled, codes);
  }

  /** The same provider and users through another client, signing in with the password alone. */
  Provider withPasswordOnlyClient(Client other) {
    return new Provider(name, issuer, endpoints, other, accounts, null);
  }

  URI authorizationRequest(String state) {
    return URI.create(endpoints.authorization() + "?response_type=code&client_id=" + Client.encode(client.id())
        + "&redirect_uri=" + Client.encode(client.redirectUri().toString())
        + "&scope=" + Client.encode(client.scope()) + "&state=" + state);
  }
}
