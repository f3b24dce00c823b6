package dev.gatehouse.oidc.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PrecomputedDocumentsTest {

  private static final String DISCOVERY = "/.well-known/openid-configuration";

  private final PrecomputedDocuments documents = new PrecomputedDocuments(Set.of(DISCOVERY));
  private int rendered;
  private int status = 200;
  private String cookie;

  /** Stands for Spring Authorization Server: names the issuer it was asked through. */
  private final FilterChain chain = (ServletRequest request, ServletResponse response) -> {
    rendered++;
    HttpServletResponse http = (HttpServletResponse) response;
    http.setStatus(status);
    http.setContentType("application/json");
    http.setHeader("X-Content-Type-Options", "nosniff");
    if (cookie != null) {
      http.addHeader("Set-Cookie", cookie);
    }
    http.getOutputStream().write(("{\"issuer\":\"http://" + request.getServerName() + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  };

  @Test
  void rendersOncePerIssuerThenAnswersTheSameBytesAndHeaders() throws Exception {
    MockHttpServletResponse first = get("auth.example.com");
    MockHttpServletResponse second = get("auth.example.com");

    assertThat(rendered).isEqualTo(1);
    assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString())
        .isEqualTo("{\"issuer\":\"http://auth.example.com\"}");
    assertThat(second.getContentType()).isEqualTo("application/json");
    assertThat(second.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(second.getContentLength()).isEqualTo(second.getContentAsByteArray().length);
  }

  @Test
  void anotherIssuerGetsItsOwnDocument() throws Exception {
    get("auth.example.com");

    assertThat(get("login.example.org").getContentAsString()).contains("login.example.org");
    assertThat(rendered).isEqualTo(2);
  }

  @Test
  void keepsNeitherFailuresNorAnswersThatSetACookie() throws Exception {
    status = 500;
    get("auth.example.com");
    status = 200;
    cookie = "session=abc";
    get("auth.example.com");
    get("auth.example.com");

    assertThat(rendered).isEqualTo(3);
  }

  @Test
  void crossOriginRequestsAndOtherPathsAlwaysGoDownTheChain() throws Exception {
    get("auth.example.com");
    MockHttpServletRequest crossOrigin = request("auth.example.com", DISCOVERY);
    crossOrigin.addHeader("Origin", "https://app.example.com");
    documents.doFilter(crossOrigin, new MockHttpServletResponse(), chain);
    documents.doFilter(request("auth.example.com", "/api/oidc/userinfo"), new MockHttpServletResponse(), chain);

    assertThat(rendered).isEqualTo(3);
  }

  @Test
  void keepsABoundedNumberOfIssuers() throws Exception {
    for (int i = 0; i < PrecomputedDocuments.MAX_DOCUMENTS * 3; i++) {
      get("host" + i + ".example.com");
    }
    rendered = 0;
    int kept = 0;
    for (int i = 0; i < PrecomputedDocuments.MAX_DOCUMENTS * 3; i++) {
      get("host" + i + ".example.com");
      kept += rendered == 0 ? 1 : 0;
      rendered = 0;
    }
    assertThat(kept).isLessThanOrEqualTo(PrecomputedDocuments.MAX_DOCUMENTS);
  }

  private MockHttpServletResponse get(String host) throws IOException, jakarta.servlet.ServletException {
    MockHttpServletResponse response = new MockHttpServletResponse();
    documents.doFilter(request(host, DISCOVERY), response, chain);
    return response;
  }

  private static MockHttpServletRequest request(String host, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setServerName(host);
    return request;
  }
}
