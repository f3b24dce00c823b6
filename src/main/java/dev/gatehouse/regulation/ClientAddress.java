package dev.gatehouse.regulation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The client's IP as regulation and rate limits key it: {@code getRemoteAddr()} after Tomcat's
 * RemoteIpValve, which takes X-Forwarded-For only from a trusted (loopback or private) proxy.
 * That header's text reaches us unchecked, so anything that is not an IP literal becomes one
 * shared key rather than a new key per invented value, and each address is written one way only.
 */
public final class ClientAddress {

  /** The key of every remote address that is not an IP literal. */
  public static final String UNPARSABLE = "unparsable";

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private ClientAddress() {
  }

  public static String of(String remoteAddr) {
    if (remoteAddr == null) {
      return UNPARSABLE;
    }
    var ipv4 = IPV4.matcher(remoteAddr);
    if (ipv4.matches()) {
      StringBuilder canonical = new StringBuilder();
      for (int group = 1; group <= 4; group++) {
        int octet = Integer.parseInt(ipv4.group(group));
        if (octet > 255) {
          return UNPARSABLE;
        }
        canonical.append(group == 1 ? "" : ".").append(octet);
      }
      return canonical.toString();
    }
    // Only a text with a colon is parsed, and as a literal: InetAddress never asks DNS for it.
    if (remoteAddr.indexOf(':') >= 0 && IPV6.matcher(remoteAddr).matches()) {
      try {
        return InetAddress.getByName(remoteAddr).getHostAddress().toLowerCase(Locale.ROOT);
      } catch (UnknownHostException e) {
        return UNPARSABLE;
      }
    }
    return UNPARSABLE;
  }
}
