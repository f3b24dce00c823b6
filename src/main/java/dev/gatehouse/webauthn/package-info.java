/**
 * Security keys and passkeys (WebAuthn): the checks of each ceremony, on webauthn4j, and the
 * single-use challenges a ceremony is bound to in the session. Work in progress for issue 15.
 */
package dev.gatehouse.webauthn;
