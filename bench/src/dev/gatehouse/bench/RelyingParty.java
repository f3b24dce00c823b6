package dev.gatehouse.bench;

import java.io.IOException;

/** What a client such as LibreChat does at the provider's back-channel endpoints, on one keep-alive connection. */
final class RelyingParty implements AutoCloseable {

  private final Provider provider;
  private final HttpConnection connection;

  RelyingParty(Provider provider) {
    this.provider = provider;
    this.connection = new HttpConnection(provider.endpoints().token());
  }

  Grant redeem(String code) throws IOException {
    return tokens("grant_type=authorization_code&code=" + Client.encode(code)
        + "&redirect_uri=" + Client.encode(provider.client().redirectUri().toString()));
  }

  Grant refresh(String refreshToken) throws IOException {
    return tokens("grant_type=refresh_token&refresh_token=" + Client.encode(refreshToken));
  }

  String userinfo(String accessToken) throws IOException {
    String claims = connection.get(provider.endpoints().userinfo(), "Authorization: Bearer " + accessToken)
        .expect(200).text();
    Json.required(claims, "sub");
    return claims;
  }

  void introspectActive(String accessToken) throws IOException {
    String answer = connection.postForm(provider.endpoints().introspection(),
        "token=" + Client.encode(accessToken) + "&token_type_hint=access_token",
        provider.client().basicAuthorization()).expect(200).text();
    if (!Json.isTrue(answer, "active")) {
      throw new UnexpectedResponse("introspection says the token is not active: " + answer);
    }
  }

  private Grant tokens(String form) throws IOException {
    String answer = connection.postForm(provider.endpoints().token(), form, provider.client().basicAuthorization(),
        "Accept: application/json").expect(200).text();
    return new Grant(Json.required(answer, "access_token"), Json.string(answer, "refresh_token").orElse(null));
  }

  @Override
  public void close() {
    connection.close();
  }
}
