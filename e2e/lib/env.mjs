// LibreChat's own reading of its environment (api/server/utils isEnabled and the checks in
// api/server/socialLogins.js), plus the few settings that belong to the test user, not to LibreChat.
import { readFileSync } from 'node:fs';

/** LibreChat's isEnabled: true for the boolean true or the string "true" (any case, trimmed). */
export function isEnabled(value) {
  if (typeof value === 'boolean') {
    return value;
  }
  return typeof value === 'string' && value.toLowerCase().trim() === 'true';
}

/**
 * socialLogins.js registers the OpenID strategy only when all five are set; LibreChat then simply
 * has no "openid" strategy. Here that is an error, not a silently missing button.
 */
export function requireOpenIdSettings(env = process.env) {
  const required = ['OPENID_CLIENT_ID', 'OPENID_CLIENT_SECRET', 'OPENID_ISSUER', 'OPENID_SCOPE',
    'OPENID_SESSION_SECRET', 'OPENID_CALLBACK_URL', 'DOMAIN_SERVER', 'DOMAIN_CLIENT'];
  const missing = required.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`LibreChat would not register the openid strategy: ${missing.join(', ')} not set`);
  }
  if (env.PROXY) {
    throw new Error('PROXY is set, but this stand-in does not reproduce LibreChat\'s proxy agents');
  }
}

/** The person at the keyboard: who logs in, and where their mailbox and phone are. */
export function userSettings(env = process.env) {
  const missing = ['E2E_USERNAME', 'E2E_PASSWORD', 'E2E_NOTIFICATION_FILE', 'E2E_TOTP_FILE']
    .filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`the test user needs ${missing.join(', ')}`);
  }
  return {
    username: env.E2E_USERNAME,
    password: env.E2E_PASSWORD,
    notificationFile: env.E2E_NOTIFICATION_FILE,
    totpFile: env.E2E_TOTP_FILE,
    chromium: env.E2E_CHROMIUM || '/usr/bin/chromium',
    screenshots: env.E2E_SCREENSHOTS || '',
    expectRefusal: expectsRefusal(env),
    pause: pauseSettings(env),
    // E2E_KEY_FILE: the person also holds a USB security key (a virtual authenticator whose
    // credentials are kept in that file between runs) and uses it rather than the TOTP app,
    // registering it from the TOTP step the first time.
    keyFile: env.E2E_KEY_FILE || '',
  };
}

/**
 * E2E_PAUSE_AFTER=<step> (a step of the summary: password, identity-verification, totp-enrolment,
 * totp, consent) with E2E_PAUSE_FILE: once the person has done that step, the run writes the file
 * and waits until it is removed, so that a test can kill a server or restart Redis half-way through
 * a login. E2E_RESUME says what the person then does: `continue` on the page they are on (the
 * default), or `restart` from LibreChat's login button, as someone whose sign-in got lost does.
 */
export function pauseSettings(env = process.env) {
  if (!env.E2E_PAUSE_AFTER) {
    return null;
  }
  if (!env.E2E_PAUSE_FILE) {
    throw new Error('E2E_PAUSE_AFTER needs E2E_PAUSE_FILE, the file that says the run is paused');
  }
  const resume = (env.E2E_RESUME || 'continue').trim();
  if (!['continue', 'restart'].includes(resume)) {
    throw new Error(`E2E_RESUME must be continue or restart, not ${JSON.stringify(resume)}`);
  }
  return { after: env.E2E_PAUSE_AFTER.trim(), file: env.E2E_PAUSE_FILE, resume };
}

/**
 * E2E_EXPECT=refused: the provider is expected to send the person back with error=access_denied
 * (an authorization policy that denies them). The run then succeeds only with that outcome:
 * LibreChat showing its failure page, and no token ever requested.
 */
export function expectsRefusal(env = process.env) {
  const expectation = (env.E2E_EXPECT || 'login').trim();
  if (!['login', 'refused'].includes(expectation)) {
    throw new Error(`E2E_EXPECT must be login or refused, not ${JSON.stringify(expectation)}`);
  }
  return expectation === 'refused';
}

/** The version npm installed under `alias` (the openid-client packages export no package.json). */
export function installedVersion(alias) {
  const file = new URL(`../node_modules/${alias}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}
