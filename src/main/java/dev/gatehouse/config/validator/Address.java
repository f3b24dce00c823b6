package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address in Authelia's syntax, {@code [scheme://]host[:port][/path]}: {@code tcp://:9091/},
 * {@code tcp://[::1]:9091}, {@code tcp4://0.0.0.0:9091/auth}, {@code smtp://mail:25}. A value with
 * no scheme gets the caller's default, or {@code unix} when it starts with {@code /}.
 *
 * @param host empty for "every interface"; an IPv6 address without its brackets
 * @param port null when the address has none
 * @param path "" when the address has none
 */
record Address(String scheme, String host, Integer port, String path) {

  private static final List<String> TCP_SCHEMES = List.of("tcp", "tcp4", "tcp6");

  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://(.*)$");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");

  /**
   * A TCP address to listen on, from {@code text} read at {@code node}; null, with the problem
   * recorded there, when it is malformed or of another kind (Gatehouse listens on TCP only).
   */
  static Address tcp(String text, ConfigNode node) {
    Address address;
    try {
      address = parse(text, "tcp");
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage());
      return null;
    }
    if (address.scheme().equals("unix") || address.scheme().equals("fd")) {
      node.error("'" + text + "' is a " + (address.scheme().equals("unix") ? "unix socket" : "file descriptor")
          + " address, which Gatehouse does not support yet; use tcp://[host]:port/[path]");
      return null;
    }
    if (!TCP_SCHEMES.contains(address.scheme())) {
      node.error("'" + text + "' has the scheme '" + address.scheme() + "' but it must be "
          + ConfigNode.joinOr(TCP_SCHEMES));
      return null;
    }
    return address;
  }

  /** The host to bind: the one given, or every interface of the scheme's IP version. */
  String listenHost() {
    if (!host.isEmpty()) {
      return host;
    }
    return switch (scheme) {
      case "tcp4" -> "0.0.0.0";
      case "tcp6" -> "::";
      default -> "";
    };
  }

  /** Parses {@code text}, or throws {@link IllegalArgumentException} saying what is wrong. */
  static Address parse(String text, String defaultScheme) {
    String scheme;
    String rest;
    Matcher withScheme = SCHEME.matcher(text);
    if (withScheme.matches()) {
      scheme = withScheme.group(1).toLowerCase();
      rest = withScheme.group(2);
    } else if (text.startsWith("/")) {
      return new Address("unix", "", null, text);
    } else {
      scheme = defaultScheme;
      rest = text;
    }
    if (scheme.equals("unix") || scheme.equals("fd")) {
      return new Address(scheme, "", null, rest);
    }
    if (rest.contains("?") || rest.contains("#")) {
      throw new IllegalArgumentException("'" + text + "' has a query or fragment, which an address"
          + " cannot have");
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    if (authority.contains("@")) {
      throw new IllegalArgumentException("'" + text + "' has user information, which an address"
          + " cannot have");
    }
    String host;
    String port;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      String after = close < 0 ? "" : authority.substring(close + 1);
      if (close < 0 || !(after.isEmpty() || after.startsWith(":"))) {
        throw new IllegalArgumentException("'" + text + "' has a malformed IPv6 host; write it as"
            + " [::1]:port");
      }
      host = authority.substring(1, close);
      port = after.isEmpty() ? "" : after.substring(1);
    } else {
      int colon = authority.indexOf(':');
      if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException("'" + text + "' has an IPv6 host without brackets;"
            + " write it as [::1]:port");
      }
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? "" : authority.substring(colon + 1);
    }
    return new Address(scheme, host, parsePort(text, port), path);
  }

  private static Integer parsePort(String text, String port) {
    if (port.isEmpty()) {
      return null;
    }
    if (!DIGITS.matcher(port).matches() || Integer.parseInt(port) < 1
        || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException("'" + text + "' has an invalid port; expected 1-65535");
    }
    return Integer.parseInt(port);
  }
}
