package dev.gatehouse.config.validator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Consumer;

/** Checks shared by the keys that hold URLs. */
final class UriRules {

  private UriRules() {
  }

  /** The URI, or null after recording why {@code text} is not an absolute URI. */
  static URI absolute(String text, Consumer<String> error) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      error.accept("'" + text + "' is not a valid URI: " + e.getReason());
      return null;
    }
    if (!uri.isAbsolute()) {
      error.accept("'" + text + "' is not an absolute URI; it must have a scheme such as https");
      return null;
    }
    return uri;
  }

  /** Authelia's IsURISecure: https, or wss. */
  static boolean isSecure(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme());
  }

  /** Authelia's HasURIDomainSuffix: the host is the domain or inside it. */
  static boolean isWithinDomain(URI uri, String domain) {
    String host = uri.getHost();
    String bare = domain.startsWith(".") ? domain.substring(1) : domain;
    return host != null && (host.equalsIgnoreCase(bare) || host.toLowerCase().endsWith("." + bare.toLowerCase()));
  }
}
