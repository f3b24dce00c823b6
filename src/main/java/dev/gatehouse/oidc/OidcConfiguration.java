package dev.gatehouse.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.OidcConfig;
import dev.gatehouse.crypto.DigestPasswordEncoder;
import dev.gatehouse.crypto.VerifiedSecretCache;
import dev.gatehouse.identity.SubjectIdentifiers;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.oidc.authorize.AudienceCheck;
import dev.gatehouse.oidc.authorize.AuthorizationRequestGate;
import dev.gatehouse.oidc.authorize.AuthorizationResponses;
import dev.gatehouse.oidc.authorize.ClaimsParameterCheck;
import dev.gatehouse.oidc.authorize.ParameterEntropyCheck;
import dev.gatehouse.oidc.authorize.RepeatedParameterFilter;
import dev.gatehouse.oidc.authorize.RequestObjectRefusal;
import dev.gatehouse.oidc.clientauth.ClientAuthenticationFailure;
import dev.gatehouse.oidc.clientauth.ClientAuthenticationRequired;
import dev.gatehouse.oidc.clientauth.OneAuthenticationMethod;
import dev.gatehouse.oidc.clients.ClientRegistrationMapper;
import dev.gatehouse.oidc.clients.ConfiguredClients;
import dev.gatehouse.oidc.consent.ConsentForm;
import dev.gatehouse.oidc.consent.ConsentHooks;
import dev.gatehouse.oidc.consent.DatabaseConsentService;
import dev.gatehouse.oidc.discovery.DiscoveryMetadata;
import dev.gatehouse.oidc.discovery.PrecomputedDocuments;
import dev.gatehouse.oidc.grants.DatabaseAuthorizationService;
import dev.gatehouse.oidc.keys.ConfiguredSigningKeys;
import dev.gatehouse.oidc.keys.SigningKeyStore;
import dev.gatehouse.oidc.keys.SigningKeys;
import dev.gatehouse.oidc.logout.EndSessionEndpoint;
import dev.gatehouse.oidc.pkce.CodeChallengeFormat;
import dev.gatehouse.oidc.pkce.CodeVerifierFormat;
import dev.gatehouse.oidc.ratelimit.EndpointRateLimits;
import dev.gatehouse.oidc.rules.ConcurrentGrantUse;
import dev.gatehouse.oidc.rules.OwnerOnlyIntrospection;
import dev.gatehouse.oidc.rules.OwnerOnlyRevocation;
import dev.gatehouse.oidc.rules.PolicyOnRefresh;
import dev.gatehouse.oidc.rules.RefreshTokenReuseDetection;
import dev.gatehouse.oidc.rules.StorageOutageGuard;
import dev.gatehouse.oidc.tokens.AccessTokenSubjectCustomizer;
import dev.gatehouse.oidc.tokens.BearerTokenLookup;
import dev.gatehouse.oidc.tokens.GrantBoundTokenGenerator;
import dev.gatehouse.oidc.tokens.IdTokenCustomizer;
import dev.gatehouse.oidc.tokens.IdTokenSignatures;
import dev.gatehouse.oidc.tokens.TokenResponses;
import dev.gatehouse.oidc.tokens.UserInfoBearerToken;
import dev.gatehouse.oidc.tokens.UserInfoClaims;
import dev.gatehouse.oidc.tokens.UserInfoErrorResponses;
import dev.gatehouse.signin.SignInPages;
import dev.gatehouse.storage.AuthorizationRepository;
import dev.gatehouse.storage.ConsentRepository;
import dev.gatehouse.storage.SigningKeyRepository;
import dev.gatehouse.storage.StorageEncryption;
import dev.gatehouse.storage.StorageEngine;
import dev.gatehouse.telemetry.CountedTokenResponses;
import dev.gatehouse.telemetry.Metrics;
import dev.gatehouse.web.FilterOrder;
import dev.gatehouse.web.RefusedForm;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring Authorization Server, at Authelia's paths, fed by configuration.yml. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class OidcConfiguration {

  public static final String AUTHORIZATION_ENDPOINT = "/api/oidc/authorization";
  public static final String USERINFO_ENDPOINT = "/api/oidc/userinfo";
  public static final String JWKS_ENDPOINT = "/jwks.json";
  private static final int VERIFIED_SECRETS = 1024;
  /**
   * Grants kept in memory with the embedded database, about 10 KiB each: the last 512 logins or
   * refreshes, which is where a client's userinfo, refresh and introspection requests come. An
   * older grant costs one indexed query and about 0.1 ms of decoding its JSON.
   */
  private static final int CACHED_GRANTS = 512;

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder()
        .authorizationEndpoint(AUTHORIZATION_ENDPOINT)
        .tokenEndpoint("/api/oidc/token")
        .oidcUserInfoEndpoint(USERINFO_ENDPOINT)
        .jwkSetEndpoint(JWKS_ENDPOINT)
        .tokenRevocationEndpoint("/api/oidc/revocation")
        .tokenIntrospectionEndpoint("/api/oidc/introspection")
        .oidcLogoutEndpoint("/api/oidc/end-session")
        .build();
  }

  /**
   * Discovery and JWKS answered from memory, ahead of the security filter chains (see the class),
   * right after the filter that refuses unknown hosts, which must never fill its cache.
   */
  @Bean
  FilterRegistrationBean<PrecomputedDocuments> precomputedDocuments() {
    FilterRegistrationBean<PrecomputedDocuments> registration = new FilterRegistrationBean<>(new PrecomputedDocuments(
        Set.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server", JWKS_ENDPOINT)));
    registration.setOrder(FilterOrder.PRECOMPUTED_DOCUMENTS);
    return registration;
  }

  @Bean
  RegisteredClientRepository registeredClients(Configuration configuration) {
    OidcConfig oidc = configuration.oidc();
    ClientRegistrationMapper mapper = new ClientRegistrationMapper(oidc);
    return new ConfiguredClients(oidc.clients().stream().map(mapper::toRegistration).toList());
  }

  /**
   * The only PasswordEncoder: a second one would silently switch client authentication off. It
   * pays a client secret's digest once, then answers that secret from memory.
   */
  @Bean
  PasswordEncoder clientSecretEncoder() {
    return new DigestPasswordEncoder(new VerifiedSecretCache(VERIFIED_SECRETS));
  }

  @Bean
  DatabaseAuthorizationService authorizationService(AuthorizationRepository repository,
      RegisteredClientRepository clients, PlatformTransactionManager transactions, Clock clock,
      Configuration configuration) {
    // Only the embedded database is this process's alone: another instance could change a shared one.
    int cachedGrants = StorageEngine.of(configuration.storage()) == StorageEngine.H2 ? CACHED_GRANTS : 0;
    return new DatabaseAuthorizationService(repository, clients, new TransactionTemplate(transactions), clock,
        cachedGrants);
  }

  @Bean
  OAuth2AuthorizationConsentService consentService(ConsentRepository repository,
      RegisteredClientRepository clients, Clock clock) {
    return new DatabaseConsentService(repository, clients, clock);
  }

  @Bean
  SigningKeys signingKeys(Configuration configuration, SigningKeyRepository repository,
      StorageEncryption encryption, Clock clock) {
    var configured = configuration.oidc().jwks();
    return new SigningKeys(configured.isEmpty()
        ? new SigningKeyStore(repository, encryption, clock).loadOrGenerate()
        : ConfiguredSigningKeys.toJwks(configured));
  }

  @Bean
  JWKSource<SecurityContext> publishedKeys(SigningKeys keys) {
    return keys.publishingSource();
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(keys.signingSource());
  }

  /**
   * SAS's token generators, with opaque tokens and the ids of JWTs bound to their grant
   * ({@link GrantBoundTokenGenerator}). Declared here, it replaces the one SAS would compose from the
   * customizer beans; what SAS adds besides them is the {@code cnf} claim of DPoP- and certificate-bound
   * tokens, neither of which Gatehouse offers or advertises: a client that sends a DPoP proof gets a
   * Bearer token, as from a server without DPoP. Tokens are dated by Gatehouse's one Clock, which
   * its expiry checks also read.
   */
  @Bean
  OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder encoder, IdTokenCustomizer signedTokens,
      AccessTokenSubjectCustomizer opaqueTokens, Clock clock) {
    JwtGenerator jwts = new JwtGenerator(encoder);
    jwts.setClock(clock);
    jwts.setJwtCustomizer(context -> {
      signedTokens.customize(context);
      GrantBoundTokenGenerator.bindJwtId(context);
    });
    OAuth2AccessTokenGenerator accessTokens = new OAuth2AccessTokenGenerator();
    accessTokens.setClock(clock);
    accessTokens.setAccessTokenCustomizer(opaqueTokens);
    OAuth2RefreshTokenGenerator refreshTokens = new OAuth2RefreshTokenGenerator();
    refreshTokens.setClock(clock);
    return new DelegatingOAuth2TokenGenerator(jwts, new GrantBoundTokenGenerator(accessTokens),
        new GrantBoundTokenGenerator(refreshTokens));
  }

  @Bean
  IdTokenCustomizer idTokenCustomizer(SubjectIdentifiers subjects, UserDirectory users) {
    return new IdTokenCustomizer(subjects, users);
  }

  @Bean
  AccessTokenSubjectCustomizer accessTokenSubjectCustomizer(SubjectIdentifiers subjects) {
    return new AccessTokenSubjectCustomizer(subjects);
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(HttpSecurity http, SigningKeys keys,
      DatabaseAuthorizationService authorizations, RegisteredClientRepository clients,
      SubjectIdentifiers subjects, UserDirectory users, RequestCache requestCache, Clock clock,
      Configuration configuration, AuthorizationServerSettings paths, Metrics metrics) throws Exception {
    DiscoveryMetadata discovery = new DiscoveryMetadata(keys.algorithms(), configuration.oidc().customScopes());
    IdTokenSignatures idTokenSignatures = new IdTokenSignatures(keys);
    AuthorizationResponses responses = new AuthorizationResponses(clients);
    http.oauth2AuthorizationServer(server -> {
      // Every /api/oidc/ path belongs here whatever the method, so a wrong method gets an OAuth
      // answer rather than the portal's login page.
      http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(),
          PathPatternRequestMatcher.pathPattern("/api/oidc/**")));
      server
          .clientAuthentication(authentication -> authentication
              .authenticationConverters(converters -> converters.add(0, new OneAuthenticationMethod()))
              .errorResponseHandler(new ClientAuthenticationFailure()))
          .authorizationEndpoint(endpoint -> endpoint
              .consentPage(ConsentForm.PAGE)
              .authenticationProviders(providers -> {
                ConsentHooks.install(providers);
                ConcurrentGrantUse.atConsent(providers);
              })
              .authorizationResponseHandler(responses)
              .errorResponseHandler(responses))
          .tokenEndpoint(endpoint -> endpoint
              .accessTokenResponseHandler(new CountedTokenResponses(new TokenResponses(), metrics))
              .authenticationProviders(providers -> {
                RefreshTokenReuseDetection.install(providers, authorizations);
                PolicyOnRefresh.install(providers, authorizations, clients, users);
                ConcurrentGrantUse.atTokenEndpoint(providers, authorizations);
              }))
          .tokenIntrospectionEndpoint(endpoint -> endpoint
              .authenticationProviders(OwnerOnlyIntrospection::install))
          .tokenRevocationEndpoint(endpoint -> endpoint
              .authenticationProviders(providers -> {
                OwnerOnlyRevocation.install(providers, authorizations);
                ConcurrentGrantUse.atRevocationEndpoint(providers, authorizations);
              }))
          .authorizationServerMetadataEndpoint(endpoint -> endpoint
              .authorizationServerMetadataCustomizer(metadata -> metadata.claims(discovery::customizeOAuth)))
          .oidc(oidc -> oidc
              .providerConfigurationEndpoint(endpoint -> endpoint
                  .providerConfigurationCustomizer(metadata -> metadata.claims(discovery::customizeOidc)))
              .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(new UserInfoClaims(subjects, users, clients))
                  .authenticationProviders(StorageOutageGuard::install)
                  .errorResponseHandler(new UserInfoErrorResponses()))
              .logoutEndpoint(new EndSessionEndpoint(idTokenSignatures, authorizations, clients)));
    });
    RequestMatcher authorizationEndpoint = PathPatternRequestMatcher.pathPattern(AUTHORIZATION_ENDPOINT);
    clientRequestRules(http, configuration, paths, clock);
    // Before every other rule on an authorization request, SAS's early check of its client, redirect
    // URI, scopes and PKCE method included (OIDC Core 6.1: request objects are refused as such).
    http.addFilterBefore(new RequestObjectRefusal(authorizationEndpoint, responses),
        AbstractPreAuthenticatedProcessingFilter.class);
    // The authorization request's own rules, in this order, before the login it may lead to.
    for (Filter rule : List.of(
        new ParameterEntropyCheck(authorizationEndpoint, configuration.oidc().minimumParameterEntropy(), responses),
        new CodeChallengeFormat(authorizationEndpoint, responses),
        new ClaimsParameterCheck(authorizationEndpoint, responses),
        new AudienceCheck(authorizationEndpoint, responses, clients),
        new AuthorizationRequestGate(authorizationEndpoint, clients, requestCache, responses, idTokenSignatures,
            subjects, users, clock))) {
      http.addFilterBefore(rule, AuthorizationFilter.class);
    }
    http
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // The consent form's answer is the one portal form posted here, and needs the session's CSRF
        // token like the others. SAS puts CSRF protection back into this chain even when it is
        // disabled, exempting its own endpoints, the authorization endpoint included; so the filter
        // is made to protect exactly the consent answers: neither a client's request, which comes
        // from the client's site, nor an API call, for which a token would cost a new session.
        .csrf(csrf -> csrf.withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
          @Override
          public <O extends CsrfFilter> O postProcess(O filter) {
            filter.setRequireCsrfProtectionMatcher(ConsentForm.submissionsTo(authorizationEndpoint));
            return filter;
          }
        }))
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
        .requestCache(cache -> cache.requestCache(requestCache))
        .oauth2ResourceServer(resourceServer -> resourceServer
            .bearerTokenResolver(new UserInfoBearerToken())
            .jwt(jwt -> jwt.authenticationManager(new BearerTokenLookup(authorizations))))
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SignInPages.LOGIN),
                PathPatternRequestMatcher.pathPattern(AUTHORIZATION_ENDPOINT))
            .defaultAuthenticationEntryPointFor(new BearerTokenAuthenticationEntryPoint(),
                PathPatternRequestMatcher.pathPattern(USERINFO_ENDPOINT))
            .defaultAuthenticationEntryPointFor(new ClientAuthenticationRequired(), AnyRequestMatcher.INSTANCE)
            .accessDeniedHandler(new RefusedForm()));
    return http.build();
  }

  /**
   * Rules for what clients send to the token, introspection and revocation endpoints, checked
   * before anything costly.
   */
  private static void clientRequestRules(HttpSecurity http, Configuration configuration,
      AuthorizationServerSettings paths, Clock clock) {
    http
        // Before client authentication and bearer tokens, so that a client over its limit costs nothing.
        .addFilterBefore(EndpointRateLimits.of(configuration.server().rateLimits(), paths, clock),
            AbstractPreAuthenticatedProcessingFilter.class)
        // Before client authentication too, which fails on a repeated code (see the filter).
        .addFilterBefore(RepeatedParameterFilter.at(paths.getTokenEndpoint(), paths.getTokenIntrospectionEndpoint(),
            paths.getTokenRevocationEndpoint()), AbstractPreAuthenticatedProcessingFilter.class)
        .addFilterBefore(new CodeVerifierFormat(paths.getTokenEndpoint()),
            AbstractPreAuthenticatedProcessingFilter.class);
  }
}
