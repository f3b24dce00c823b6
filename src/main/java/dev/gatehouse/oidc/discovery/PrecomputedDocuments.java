package dev.gatehouse.oidc.discovery;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the discovery documents and the JWKS from memory, ahead of every other filter. They change
 * only with the configuration, yet Spring Authorization Server renders them afresh on each request,
 * behind the whole security filter chain.
 *
 * <p>The first GET of a document goes down the chain as before and its answer (status 200, headers
 * and body) is kept; later GETs get the same bytes. Discovery names the issuer, which comes from the
 * request (the proxy's X-Forwarded-Proto and -Host, applied by the container before any filter), so
 * answers are kept per scheme, host, port and path. A client can make up host names, so only
 * {@value #MAX_DOCUMENTS} answers are kept and one is dropped for each newcomer beyond that. Requests
 * with an Origin header always go down the chain, since cross-origin headers depend on it.
 */
public final class PrecomputedDocuments implements Filter {

  static final int MAX_DOCUMENTS = 48;
  /** Headers that belong to one exchange, never to be replayed; Content-Length is set from the body. */
  private static final Set<String> NOT_REPLAYED = Set.of(HttpHeaders.DATE.toLowerCase(),
      HttpHeaders.SET_COOKIE.toLowerCase(), HttpHeaders.CONTENT_LENGTH.toLowerCase(),
      HttpHeaders.TRANSFER_ENCODING.toLowerCase(), HttpHeaders.CONNECTION.toLowerCase());

  private final Set<String> paths;
  private final Map<String, Document> documents = new ConcurrentHashMap<>();

  /** {@code paths}: the documents' paths within the application, e.g. {@code /jwks.json}. */
  public PrecomputedDocuments(Set<String> paths) {
    this.paths = Set.copyOf(paths);
  }

  @Override
  public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    HttpServletResponse response = (HttpServletResponse) servletResponse;
    if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.ORIGIN) != null || !isDocument(request)) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
        + request.getRequestURI();
    Document document = documents.get(key);
    if (document != null) {
      document.writeTo(response);
      return;
    }
    ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, rendered);
    if (rendered.getStatus() == HttpServletResponse.SC_OK && response.getHeader(HttpHeaders.SET_COOKIE) == null) {
      keep(key, Document.of(response, rendered.getContentAsByteArray()));
    }
    rendered.copyBodyToResponse();
  }

  private boolean isDocument(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return uri.startsWith(context) && paths.contains(uri.substring(context.length()));
  }

  private void keep(String key, Document document) {
    if (documents.size() >= MAX_DOCUMENTS) {
      Iterator<String> oldest = documents.keySet().iterator();
      if (oldest.hasNext()) {
        documents.remove(oldest.next());
      }
    }
    documents.put(key, document);
  }

  /** One kept answer: its headers as the chain set them, and its body. */
  private record Document(Map<String, List<String>> headers, byte[] body) {

    static Document of(HttpServletResponse response, byte[] body) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : response.getHeaderNames()) {
        if (!NOT_REPLAYED.contains(name.toLowerCase())) {
          headers.put(name, new ArrayList<>(response.getHeaders(name)));
        }
      }
      if (response.getContentType() != null) {
        headers.put(HttpHeaders.CONTENT_TYPE, List.of(response.getContentType()));
      }
      return new Document(Map.copyOf(headers), body);
    }

    void writeTo(HttpServletResponse response) throws IOException {
      response.setStatus(HttpServletResponse.SC_OK);
      headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
