// One LibreChat login, as its users run it: LibreChat's OpenID setup for one major (`variant`),
// its API server on HOST:PORT, a person in Chromium who logs in through Gatehouse and logs out.
// Prints a JSON summary on stdout and exits 0 only when neither the OpenID library nor anything
// else failed; progress and errors go to stderr.
import { setDefaultResultOrder } from 'node:dns';
import { isEnabled, requireOpenIdSettings, userSettings } from './env.mjs';
import { journal, recordError, log, startServer } from './librechat.mjs';
import { launch, User } from './user.mjs';

const DEADLINE = 90_000;

async function run(variant) {
  requireOpenIdSettings();
  const settings = userSettings();
  log(variant.label);
  await variant.setupOpenId();
  const server = await startServer(variant);
  const { browser, page } = await launch(settings);
  try {
    const issuer = process.env.OPENID_ISSUER.replace(/\/\.well-known\/.*$/, '');
    const user = new User(page, settings, issuer);
    const landing = `${process.env.DOMAIN_CLIENT.replace(/\/$/, '')}/`;
    try {
      await user.logIn(process.env.DOMAIN_SERVER, landing);
      log(`logged in: ${user.steps.join(' → ')}`);
    } catch (error) {
      recordError('login', error);
    }
    if (!journal.login) {
      recordError('login', `LibreChat has no logged-in user; the browser is at ${page.url()}`);
    }
    let logout = null;
    if (journal.login) {
      try {
        logout = await user.logOut();
        log(`logged out (${journal.logout?.variant ?? 'LibreChat only'}): landed on ${logout.landed}`);
      } catch (error) {
        recordError('logout', error);
      }
      if (logout && isEnabled(process.env.OPENID_USE_END_SESSION_ENDPOINT)) {
        const after = await user.sessionEnded(process.env.DOMAIN_SERVER);
        logout.sessionEnded = after.ended;
        if (!after.ended) {
          recordError('logout', `the Gatehouse session survived logout (the logout page said "${logout.page}");`
            + ` LibreChat's login button then led to ${after.at}`);
        }
      }
    }
    for (const failed of user.failedResponses) {
      recordError('browser', `HTTP ${failed}`);
    }
    const expected = variant.tokenEndpointAuthMethod();
    if (journal.login && !journal.tokenRequests.every((method) => method === expected)) {
      recordError('token request', `client authentication ${journal.tokenRequests.join(', ')}, expected ${expected}`);
    }
    if (journal.login && !journal.userinfo) {
      recordError('userinfo', 'no userinfo answer');
    }
    return {
      librechat: variant.label,
      sub: journal.login?.sub,
      email: journal.login?.email,
      amr: journal.login?.amr,
      steps: user.steps,
      authorization_request: Object.keys(journal.authorizationRequest || {}),
      authorization_response: journal.authorizationResponse,
      token_endpoint_auth_method: journal.tokenRequests.join(','),
      userinfo_email: journal.userinfo?.email,
      avatar: journal.avatar,
      logout: journal.logout && logout
        ? { variant: journal.logout.variant, confirmed: logout.confirmed, landed: logout.landed, session_ended: logout.sessionEnded }
        : null,
      errors: journal.errors,
    };
  } finally {
    await browser.close().catch(() => {});
    server.closeAllConnections?.();
    server.close();
  }
}

/** Runs LibreChat's login for `variant` and exits the process with its verdict. */
export async function main(variant) {
  setDefaultResultOrder('ipv4first');
  const deadline = setTimeout(() => {
    console.error(`[librechat] ERROR: no verdict after ${DEADLINE / 1000} s`);
    process.exit(3);
  }, DEADLINE);
  let summary;
  try {
    summary = await run(variant);
  } catch (error) {
    recordError('setup', error);
    summary = { librechat: variant.label, errors: journal.errors };
  }
  clearTimeout(deadline);
  console.log(JSON.stringify(summary));
  process.exit(summary.errors.length === 0 ? 0 : 1);
}
