package dev.gatehouse.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Keeps the port a proxy names in {@code X-Forwarded-Host}. Authelia's proxy guides send
 * {@code X-Forwarded-Host: auth.example.com:8443} and no {@code X-Forwarded-Port}; Tomcat's
 * RemoteIpValve drops that port and assumes 443, which would put the wrong port in the issuer.
 * This valve runs before it and supplies the missing {@code X-Forwarded-Port}; whether either
 * header is believed is still the RemoteIpValve's decision, by the proxy's address.
 */
public final class ForwardedHostPortValve extends ValveBase {

  static final String HOST = "X-Forwarded-Host";
  static final String PORT = "X-Forwarded-Port";

  public ForwardedHostPortValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
    String host = headers.getHeader(HOST);
    if (host != null && headers.getHeader(PORT) == null) {
      String port = portOf(host);
      if (port != null) {
        headers.addValue(PORT).setString(port);
      }
    }
    getNext().invoke(request, response);
  }

  /** The port of the first (client-most) host in the header, or null when it names none. */
  static String portOf(String forwardedHost) {
    String first = forwardedHost.split(",", 2)[0].strip();
    int colon = first.lastIndexOf(':');
    if (colon < 0 || first.indexOf(']') > colon) {
      return null;
    }
    String port = first.substring(colon + 1);
    return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit) ? port : null;
  }
}
