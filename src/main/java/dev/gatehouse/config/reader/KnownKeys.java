package dev.gatehouse.config.reader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The key paths a configuration may contain: Authelia's (see {@link AutheliaKeys}) plus the few
 * Gatehouse adds. Paths here are patterns, with {@code []} for a list element and {@code *} for a
 * named map entry; a concrete path such as {@code identity_providers.oidc.clients[0].client_id}
 * is matched one segment at a time with {@link #childPattern}.
 */
public final class KnownKeys {

  /** Keys Gatehouse reads that Authelia does not have. */
  private static final List<String> GATEHOUSE_KEYS = List.of(
      // The end-session endpoint (Authelia has none) redirects only to URIs registered here.
      "identity_providers.oidc.clients[].post_logout_redirect_uris");

  /** Authelia's rule for the names of map entries such as {@code lifespans.custom.<name>}. */
  private static final Pattern MAP_KEY =
      Pattern.compile("[a-zA-Z0-9](([a-zA-Z0-9/_.:~-]+)?[a-zA-Z0-9])?");

  /** Which keys may hold secrets, and so be read from a file (Authelia's {@code IsSecretKey}). */
  private static final List<String> SECRET_SUFFIXES =
      List.of("key", "secret", "password", "token", "certificate_chain");

  private static final KnownKeys INSTANCE =
      new KnownKeys(Stream.concat(AutheliaKeys.ALL.stream(), GATEHOUSE_KEYS.stream()).toList());

  private final List<String> keys;
  /** Every key and every pattern above one (e.g. {@code a}, {@code a.b}, {@code a.b[]}). */
  private final Set<String> nodes = new HashSet<>();

  private KnownKeys(List<String> keys) {
    this.keys = keys;
    for (String key : keys) {
      nodes.addAll(patternsAbove(key));
      nodes.add(key);
    }
  }

  public static KnownKeys instance() {
    return INSTANCE;
  }

  /**
   * The pattern of key {@code name} inside the map at {@code parentPattern} ("" for the top), or
   * null when no such key exists.
   */
  public String childPattern(String parentPattern, String name) {
    String exact = join(parentPattern, name);
    if (nodes.contains(exact)) {
      return exact;
    }
    String anyName = join(parentPattern, "*");
    if (nodes.contains(anyName) && MAP_KEY.matcher(name).matches()) {
      return anyName;
    }
    return null;
  }

  /** Whether keys exist below {@code pattern} (so its value is a section, not a leaf). */
  public boolean hasChildren(String pattern) {
    String below = pattern + ".";
    return nodes.stream().anyMatch(node -> node.startsWith(below));
  }

  /** Whether a list at {@code pattern} holds maps or lists whose contents are known keys. */
  public boolean hasListElements(String pattern) {
    return nodes.contains(pattern + "[]");
  }

  /** The names of the keys directly inside {@code parentPattern}, for suggesting a spelling. */
  public List<String> childNames(String parentPattern) {
    String prefix = parentPattern.isEmpty() ? "" : parentPattern + ".";
    Set<String> names = new LinkedHashSet<>();
    for (String node : nodes) {
      if (node.startsWith(prefix)) {
        String rest = node.substring(prefix.length());
        if (!rest.isEmpty() && !rest.contains(".") && !rest.contains("[") && !rest.equals("*")) {
          names.add(rest);
        }
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * The keys an environment variable can set: leaves outside lists and named maps, since a
   * variable name cannot say which list element or entry it means (Authelia's rule too).
   */
  public List<String> environmentKeys() {
    return keys.stream()
        .filter(key -> !key.contains("[]") && !key.contains("*") && !hasChildren(key)
            && !hasListElements(key))
        .toList();
  }

  /** Whether {@code key} may be read from a {@code _FILE} secret (Authelia's IsSecretKey). */
  public boolean isSecret(String key) {
    if (key.contains("[]") || key.contains(".*.")) {
      return false;
    }
    if (key.equals("server.tls.key") || key.startsWith("identity_providers.oidc.lifespans.")) {
      return false;
    }
    return SECRET_SUFFIXES.stream().anyMatch(key::endsWith);
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  private static List<String> patternsAbove(String key) {
    List<String> above = new ArrayList<>();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.') {
        above.add(key.substring(0, i));
      } else if (c == '[') {
        above.add(key.substring(0, i));
        above.add(key.substring(0, i + 2));
      }
    }
    return above;
  }
}
