/**
 * OpenID Connect RP-Initiated Logout 1.0 at {@code /api/oidc/end-session}, GET and POST: Spring
 * Authorization Server's endpoint filter carrying Gatehouse's rules, which accept every form
 * LibreChat sends (nothing; {@code id_token_hint} with {@code post_logout_redirect_uri};
 * {@code logout_hint} with {@code client_id}; {@code client_id} alone). The rules are plain classes
 * ({@link EndSessionRequest}, {@link IdTokenHintVerifier}, {@link PostLogoutRedirects});
 * {@link EndSessionEndpoint} wires them in and {@link EndSessionResponses} ends the session.
 */
package dev.gatehouse.oidc.logout;
