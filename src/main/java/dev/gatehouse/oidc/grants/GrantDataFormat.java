package dev.gatehouse.oidc.grants;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponseType;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a grant's attributes and its tokens' metadata are stored: maps of names to the values Spring
 * Authorization Server keeps there (the authorization request, the signed-in user, token claims).
 *
 * <p>What the grant holds in practice is written as plain JSON in which every value that is not a
 * string or a boolean is an array naming its type first: {@code ["instant", 1795772967, 202313533]}.
 * It is less than half the size of Spring Security's Jackson form and reads and writes several times
 * faster: every token request writes a grant, and one whose code is no longer cached reads one.
 * A map holding anything else (a value of a type this class does not know) is written in Spring
 * Security's Jackson form, which is also how grants were stored before; {@link #read} tells the two
 * apart by the type property that form always begins with.
 */
final class GrantDataFormat {

  private static final String TYPE_PROPERTY = "@class";
  private static final String TYPED_FORM = "{\"" + TYPE_PROPERTY + "\"";
  private static final String AUTHORIZATION_REQUEST = "authorization_request";
  private static final String AUTHENTICATION = "authentication";
  private static final String FACTOR = "factor";
  private static final String WEB_DETAILS = "web_details";

  private final JsonMapper plain = JsonMapper.builder().build();
  private final JsonMapper typed = JsonMapper.builder()
      .addModules(SecurityJacksonModules.getModules(GrantDataFormat.class.getClassLoader()))
      .build();
  private final JavaType typedMap = typed.getTypeFactory()
      .constructType(new ParameterizedTypeReference<Map<String, Object>>() { }.getType());

  String write(Map<String, Object> data) {
    try {
      return plain.writeValueAsString(encodeMap(data));
    } catch (UnknownValue unknown) {
      return typed.writeValueAsString(new HashMap<>(data));
    }
  }

  Map<String, Object> read(String text) {
    if (text == null) {
      return new HashMap<>();
    }
    if (text.startsWith(TYPED_FORM)) {
      return typed.readValue(text, typedMap);
    }
    return decodeMap(plain.readValue(text, Map.class));
  }

  private static Map<String, Object> encodeMap(Map<?, ?> map) {
    Map<String, Object> encoded = new LinkedHashMap<>();
    map.forEach((name, value) -> {
      // A name "@class" would make the map look like the typed form to read().
      if (!(name instanceof String) || TYPE_PROPERTY.equals(name)) {
        throw new UnknownValue();
      }
      encoded.put((String) name, encode(value));
    });
    return encoded;
  }

  private static Object encode(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Instant instant) {
      return List.of("instant", instant.getEpochSecond(), instant.getNano());
    }
    if (value.getClass() == Date.class) {
      return List.of("date", ((Date) value).getTime());
    }
    if (value instanceof Integer) {
      return List.of("integer", value);
    }
    if (value instanceof Long) {
      return List.of("long", value);
    }
    if (value instanceof Double number && Double.isFinite(number)) {
      return List.of("double", value);
    }
    if (value instanceof URL url) {
      return List.of("url", readableUrl(url));
    }
    if (value instanceof Map<?, ?> map) {
      return List.of("map", encodeMap(map));
    }
    if (value instanceof Set<?> set) {
      return List.of("set", encodeAll(set));
    }
    if (value instanceof List<?> list) {
      return List.of("list", encodeAll(list));
    }
    if (value instanceof String[] strings) {
      return List.of("strings", Arrays.asList(strings));
    }
    if (value.getClass() == OAuth2AuthorizationRequest.class) {
      return encodeRequest((OAuth2AuthorizationRequest) value);
    }
    if (value.getClass() == UsernamePasswordAuthenticationToken.class) {
      return encodeAuthentication((UsernamePasswordAuthenticationToken) value);
    }
    if (value.getClass() == WebAuthenticationDetails.class) {
      WebAuthenticationDetails details = (WebAuthenticationDetails) value;
      return Arrays.asList(WEB_DETAILS, details.getRemoteAddress(), details.getSessionId());
    }
    throw new UnknownValue();
  }

  private static String readableUrl(URL url) {
    try {
      return url.toURI().toString();
    } catch (URISyntaxException e) {
      throw new UnknownValue();
    }
  }

  private static List<Object> encodeAll(Collection<?> values) {
    List<Object> encoded = new ArrayList<>(values.size());
    values.forEach(value -> encoded.add(encode(value)));
    return encoded;
  }

  /** Only requests of the code flow, the one kind that {@link OAuth2AuthorizationRequest} builds. */
  private static List<Object> encodeRequest(OAuth2AuthorizationRequest request) {
    if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(request.getGrantType())
        || !OAuth2AuthorizationResponseType.CODE.equals(request.getResponseType())) {
      throw new UnknownValue();
    }
    return Arrays.asList(AUTHORIZATION_REQUEST, request.getAuthorizationUri(), request.getClientId(),
        request.getRedirectUri(), encode(request.getScopes()), request.getState(),
        encodeMap(request.getAdditionalParameters()), encodeMap(request.getAttributes()),
        request.getAuthorizationRequestUri());
  }

  /**
   * A signed-in user as the portal makes one: a name, the factors proven and, after a password
   * alone, the request's details that Spring Security copies onto it.
   */
  private static List<Object> encodeAuthentication(UsernamePasswordAuthenticationToken authentication) {
    if (!authentication.isAuthenticated() || authentication.getCredentials() != null
        || !(authentication.getPrincipal() instanceof String)) {
      throw new UnknownValue();
    }
    List<Object> encoded = new ArrayList<>(Arrays.asList(AUTHENTICATION, authentication.getPrincipal(),
        encode(authentication.getDetails())));
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      if (authority instanceof FactorGrantedAuthority factor) {
        encoded.add(List.of(FACTOR, factor.getAuthority(), encode(factor.getIssuedAt())));
      } else if (authority.getClass() == SimpleGrantedAuthority.class) {
        encoded.add(authority.getAuthority());
      } else {
        throw new UnknownValue();
      }
    }
    return encoded;
  }

  private static Map<String, Object> decodeMap(Map<?, ?> encoded) {
    Map<String, Object> map = new LinkedHashMap<>();
    encoded.forEach((name, value) -> map.put((String) name, decode(value)));
    return map;
  }

  private static Object decode(Object encoded) {
    if (!(encoded instanceof List<?> tagged)) {
      return encoded;
    }
    Object first = tagged.get(1);
    return switch ((String) tagged.get(0)) {
      case "instant" -> Instant.ofEpochSecond(number(first).longValue(), number(tagged.get(2)).longValue());
      case "date" -> new Date(number(first).longValue());
      case "integer" -> number(first).intValue();
      case "long" -> number(first).longValue();
      case "double" -> number(first).doubleValue();
      case "url" -> url((String) first);
      case "map" -> decodeMap((Map<?, ?>) first);
      case "set" -> new LinkedHashSet<>(decodeAll((List<?>) first));
      case "list" -> decodeAll((List<?>) first);
      case "strings" -> ((List<?>) first).toArray(String[]::new);
      case AUTHORIZATION_REQUEST -> decodeRequest(tagged);
      case AUTHENTICATION -> decodeAuthentication(tagged);
      case WEB_DETAILS -> new WebAuthenticationDetails((String) first, (String) tagged.get(2));
      default -> throw new UnreadableData("a value of unknown type '" + tagged.get(0) + "'");
    };
  }

  private static List<Object> decodeAll(List<?> encoded) {
    List<Object> values = new ArrayList<>(encoded.size());
    encoded.forEach(value -> values.add(decode(value)));
    return values;
  }

  @SuppressWarnings("unchecked")
  private static OAuth2AuthorizationRequest decodeRequest(List<?> fields) {
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri((String) fields.get(1))
        .clientId((String) fields.get(2))
        .redirectUri((String) fields.get(3))
        .scopes((Set<String>) decode(fields.get(4)))
        .state((String) fields.get(5))
        .additionalParameters(decodeMap((Map<?, ?>) fields.get(6)))
        .attributes(decodeMap((Map<?, ?>) fields.get(7)))
        .authorizationRequestUri((String) fields.get(8))
        .build();
  }

  private static UsernamePasswordAuthenticationToken decodeAuthentication(List<?> encoded) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Object authority : encoded.subList(3, encoded.size())) {
      if (authority instanceof List<?> factor) {
        authorities.add(FactorGrantedAuthority.withAuthority((String) factor.get(1))
            .issuedAt((Instant) decode(factor.get(2))).build());
      } else {
        authorities.add(new SimpleGrantedAuthority((String) authority));
      }
    }
    UsernamePasswordAuthenticationToken authentication =
        UsernamePasswordAuthenticationToken.authenticated(encoded.get(1), null, authorities);
    authentication.setDetails(decode(encoded.get(2)));
    return authentication;
  }

  private static Number number(Object value) {
    return (Number) value;
  }

  private static URL url(String value) {
    try {
      return URI.create(value).toURL();
    } catch (MalformedURLException e) {
      throw new UnreadableData("a malformed URL");
    }
  }

  /**
   * Why stored data could not be read, in words that show none of it: a parser's message may quote
   * the data, which holds the authorization request and the signed-in user.
   */
  static String reasonWithoutData(RuntimeException failure) {
    return failure instanceof UnreadableData ? failure.getMessage() : failure.getClass().getSimpleName();
  }

  /** Stored data in this format that cannot be decoded; the message names what, never the data. */
  private static final class UnreadableData extends RuntimeException {
    UnreadableData(String what) {
      super("it holds " + what, null, false, false);
    }
  }

  /** A value this format does not know: the whole map goes in Spring Security's Jackson form. */
  private static final class UnknownValue extends RuntimeException {
    UnknownValue() {
      super(null, null, false, false);
    }
  }
}
