/**
 * Security keys and passkeys (WebAuthn): the options of each ceremony, the checks of the browser's
 * answer on webauthn4j, and the single-use challenges a ceremony is bound to in the session. The
 * pages that run them are in {@code portal}; the credentials are in {@code storage}.
 */
package dev.gatehouse.webauthn;
