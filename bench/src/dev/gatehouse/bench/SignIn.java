package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A person going through a provider's pages from the authorization request to the redirect back to
 * the client, whatever order the provider asks in: the password form (a {@code password} field),
 * the TOTP form (a {@code code} field posted to {@code .../login/totp}), and the consent form (an
 * Accept button). Both providers' pages follow these conventions, so one flow drives either.
 */
final class SignIn {

  private static final int MAX_PAGES = 6;

  /** For a user without a second factor: being asked for a code is a failure. */
  static final Supplier<String> NO_SECOND_FACTOR = () -> {
    throw new UnexpectedResponse("the provider asked for a TOTP code");
  };

  private SignIn() {
  }

  /**
   * Returns the authorization code the provider redirects back with. {@code totpCode} is asked only
   * when the provider shows the TOTP form.
   */
  static String code(Browser browser, Provider provider, Account account, Supplier<String> totpCode)
      throws IOException {
    String state = Long.toHexString(System.nanoTime()) + Long.toHexString(Thread.currentThread().getId());
    Browser.Page page = browser.open(provider.authorizationRequest(state));
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      if (page.leaves(provider.issuer())) {
        return codeIn(page.response().location(page.uri()), state);
      }
      HtmlForm form = page.form();
      if (form.has("password")) {
        page = browser.submit(form, Map.of("username", account.username(), "password", account.password()));
      } else if (form.has("code") && form.action().getPath().endsWith("/login/totp")) {
        page = browser.submit(form, Map.of("code", totpCode.get()));
      } else if (form.hasButton("decision", "accept")) {
        page = browser.submit(form, Map.of("decision", "accept"));
      } else {
        throw new UnexpectedResponse("no password, TOTP or consent form at " + page.uri());
      }
    }
    throw new UnexpectedResponse("no redirect to the client after " + MAX_PAGES + " pages");
  }

  private static String codeIn(URI redirect, String state) {
    String query = redirect.getRawQuery() == null ? "" : redirect.getRawQuery();
    String code = null;
    String returnedState = null;
    for (String parameter : query.split("&")) {
      if (parameter.startsWith("code=")) {
        code = java.net.URLDecoder.decode(parameter.substring(5), java.nio.charset.StandardCharsets.UTF_8);
      } else if (parameter.startsWith("state=")) {
        returnedState = parameter.substring(6);
      }
    }
    if (code == null || !state.equals(returnedState)) {
      throw new UnexpectedResponse("the redirect back carries no code for this request: " + redirect);
    }
    return code;
  }
}
