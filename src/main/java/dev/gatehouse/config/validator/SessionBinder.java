package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.SessionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code session}, with Authelia's defaults (name {@code authelia_session}, same_site lax,
 * inactivity 5m, expiration 1h, remember_me 1M) and its checks on each {@code cookies[]} entry.
 * The section may be absent, giving the defaults and no cookies (Authelia requires a cookie;
 * Gatehouse does not need one to issue tokens).
 *
 * <p>{@code remember_me: -1} disables the "remember me" box, as in Authelia; it is stored as a
 * negative duration (-1s). Any other zero or negative duration takes the default.
 *
 * <p>{@code secret} encrypts sessions kept in {@code redis} ({@link RedisBinder}) and is required
 * with it; without Redis it is accepted and unused, as in Authelia.
 */
final class SessionBinder {

  private static final List<String> SAME_SITE = List.of("none", "lax", "strict");
  private static final Duration REMEMBER_ME_DISABLED = Duration.ofSeconds(-1);
  /** Authelia's reDomainCharacters. */
  private static final Pattern DOMAIN = Pattern.compile(
      "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$");
  private static final Pattern IP_ADDRESS = Pattern.compile("^[0-9.]+$|^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$");

  private SessionBinder() {
  }

  static SessionConfig bind(ConfigNode session) {
    ConfigNode secretNode = session.child("secret");
    String secret = secretNode.string();
    ConfigNode redisNode = session.child("redis");
    if (secret == null && redisNode.isPresent()) {
      secretNode.error("is required when using the 'redis' provider");
    }
    String name = session.child("name").string("authelia_session");
    String sameSite = session.child("same_site").choice("lax", SAME_SITE);
    Duration inactivity = session.child("inactivity").positiveDuration(Duration.ofMinutes(5));
    Duration expiration = session.child("expiration").positiveDuration(Duration.ofHours(1));
    ConfigNode rememberMeNode = session.child("remember_me");
    Duration rememberMe = REMEMBER_ME_DISABLED.equals(rememberMeNode.durationOrNull())
        ? REMEMBER_ME_DISABLED : rememberMeNode.positiveDuration(Duration.ofDays(30));
    List<SessionConfig.Cookie> cookies = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    for (ConfigNode cookie : session.child("cookies").items()) {
      cookies.add(bindCookie(cookie, domains));
    }
    SessionConfig.Redis redis = redisNode.isPresent() ? RedisBinder.bind(redisNode) : null;
    return new SessionConfig(secret, name, sameSite, inactivity, expiration, rememberMe, List.copyOf(cookies),
        redis);
  }

  private static SessionConfig.Cookie bindCookie(ConfigNode cookie, List<String> earlierDomains) {
    ConfigNode domainNode = cookie.child("domain");
    String domain = domainNode.string();
    checkDomain(domainNode, domain, earlierDomains);
    if (domain != null) {
      earlierDomains.add(domain);
    }

    ConfigNode autheliaUrlNode = cookie.child("authelia_url");
    String autheliaUrl = autheliaUrlNode.string();
    URI authelia = null;
    if (autheliaUrl == null) {
      if (domain != null) {
        autheliaUrlNode.error("is required: the URL of Gatehouse inside this cookie domain, e.g."
            + " 'https://auth." + domain + "'");
      }
    } else {
      authelia = checkUrl(autheliaUrlNode, autheliaUrl, domain);
    }

    ConfigNode redirectionNode = cookie.child("default_redirection_url");
    String redirection = redirectionNode.string();
    if (redirection != null) {
      URI redirect = checkUrl(redirectionNode, redirection, domain);
      if (redirect != null && authelia != null && sameUrl(redirect, authelia)) {
        redirectionNode.error("'" + redirection + "' is effectively equal to option"
            + " 'authelia_url' with value '" + autheliaUrl + "' which is not permitted");
      }
    }
    return new SessionConfig.Cookie(domain, autheliaUrl, redirection);
  }

  private static void checkDomain(ConfigNode node, String domain, List<String> earlierDomains) {
    if (domain == null) {
      node.error("is required: the cookie domain, e.g. 'example.com'");
      return;
    }
    if (domain.startsWith(".")) {
      node.warn("has a prefix of '.' which is not supported or intended behavior: you can use"
          + " this at your own risk but we recommend removing it");
    }
    if (domain.matches(".+:\\d+")) {
      node.warn("'" + domain + "' should probably be '" + domain.replaceAll(":\\d+$", "")
          + "' as a cookie domain has no port");
    }
    if (domain.startsWith("*.")) {
      node.error("must be the domain you wish to protect not a wildcard domain but it's"
          + " configured as '" + domain + "'");
    } else if (IP_ADDRESS.matcher(domain).matches()) {
      return;
    } else if (!domain.contains(".")) {
      node.error("'" + domain + "' is not a valid cookie domain: it must have at least one"
          + " period or be an IP address");
    } else if (!DOMAIN.matcher(domain.startsWith(".") ? domain.substring(1) : domain).matches()) {
      node.error("'" + domain + "' does not appear to be a valid cookie domain or an IP address");
    }
    for (String earlier : earlierDomains) {
      if (earlier.equals(domain)) {
        node.error("'" + domain + "' is a duplicate value for another configured session domain");
      } else if (domain.endsWith("." + earlier)) {
        node.error("'" + domain + "' shares the same cookie domain scope as another configured"
            + " session domain ('" + earlier + "')");
      }
    }
  }

  private static URI checkUrl(ConfigNode node, String text, String domain) {
    URI uri = UriRules.absolute(text, node::error);
    if (uri == null) {
      return null;
    }
    if (!UriRules.isSecure(uri)) {
      node.error("'" + text + "' does not have a secure scheme; it must be https");
    }
    if (domain != null && !UriRules.isWithinDomain(uri, domain)) {
      node.error("'" + text + "' does not share a cookie scope with domain '" + domain + "'");
    }
    return uri;
  }

  /** Authelia's EqualURLs: same URL once a trailing slash on the path is ignored. */
  private static boolean sameUrl(URI a, URI b) {
    return a.toString().replaceAll("/+$", "").equalsIgnoreCase(b.toString().replaceAll("/+$", ""));
  }
}
