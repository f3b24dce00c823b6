package dev.gatehouse.web;

import dev.gatehouse.config.schema.SessionConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The addresses Gatehouse answers at, and so the issuers it names: as in Authelia, the
 * {@code authelia_url} of each {@code session.cookies} entry, the request's scheme, host and port
 * picking which. Loopback addresses stay open with the issuer they name, so that Gatehouse can be
 * tried and probed on the machine it runs on. With no cookie configured, every address is open and
 * the issuer follows the request's host, as it did before Gatehouse knew its addresses.
 */
public final class IssuerHosts {

  private final List<Origin> configured;

  private IssuerHosts(List<Origin> configured) {
    this.configured = configured;
  }

  /** Where a request came in: scheme, host (as the Host header or the proxy named it) and port. */
  public record Origin(String scheme, String host, int port) {

    public Origin {
      scheme = scheme.toLowerCase(Locale.ROOT);
      host = unbracketed(host.toLowerCase(Locale.ROOT));
    }

    /** The origin a request came in on, as the proxy named it: the one a browser showing the answer is at. */
    public static Origin of(HttpServletRequest request) {
      return new Origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    static Origin of(URI uri) {
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      return new Origin(uri.getScheme(), uri.getHost(), port);
    }

    @Override
    public String toString() {
      boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
      String shownHost = host.contains(":") ? "[" + host + "]" : host;
      return scheme + "://" + shownHost + (defaultPort ? "" : ":" + port);
    }

    private static String unbracketed(String host) {
      return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
  }

  public static IssuerHosts of(SessionConfig session) {
    return new IssuerHosts(session.cookies().stream().map(SessionConfig.Cookie::autheliaUrl)
        .filter(Objects::nonNull).map(URI::create).map(Origin::of).toList());
  }

  /** Whether Gatehouse knows its addresses; if not, every host is answered. */
  public boolean restricts() {
    return !configured.isEmpty();
  }

  public List<Origin> configured() {
    return configured;
  }

  public boolean allows(Origin origin) {
    return !restricts() || isLoopback(origin.host()) || configured.contains(origin);
  }

  /** {@code localhost}, 127.0.0.0/8 and ::1, written as a browser or curl on the machine would. */
  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")
        || host.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  }
}
