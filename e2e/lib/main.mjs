// One LibreChat login, as its users run it: LibreChat's OpenID setup for one major (`variant`),
// its API server on HOST:PORT, a person in Chromium who logs in through Gatehouse and logs out —
// or, with E2E_EXPECT=refused, whom Gatehouse sends back refused. Prints a JSON summary on stdout
// and exits 0 only when the outcome is the one expected and neither the OpenID library nor
// anything else failed; progress and errors go to stderr.
import { setDefaultResultOrder } from 'node:dns';
import { isEnabled, requireOpenIdSettings, userSettings } from './env.mjs';
import { journal, recordError, log, startServer } from './librechat.mjs';
import { launch, User } from './user.mjs';

const DEADLINE = 90_000;

/**
 * The run's outcome: logged_in, refused_by_provider (the provider sent the person back with
 * access_denied, LibreChat showed its login page with a failure and never asked for a token), or
 * failed. E2E_EXPECT says which of the first two is wanted; anything else is an error.
 */
function judgeLogin(settings, result, page) {
  const refused = result?.landed === 'login' && journal.authorizationError?.error === 'access_denied'
    && journal.tokenRequests.length === 0 && !journal.login && journal.loginPageFailures.length > 0;
  const outcome = journal.login ? 'logged_in' : refused ? 'refused_by_provider' : 'failed';
  if (settings.expectRefusal) {
    if (outcome !== 'refused_by_provider') {
      recordError('login', `expected the provider to refuse with access_denied and LibreChat to show it, but the`
        + ` outcome is ${outcome} (authorization response ${JSON.stringify(journal.authorizationError)},`
        + ` token requests ${journal.tokenRequests.length}); the browser is at ${page.url()}`);
    }
    return outcome;
  }
  for (const failure of journal.loginPageFailures) {
    recordError('LibreChat login page shows', [failure.error, failure.message].filter(Boolean).join(': '));
  }
  if (!journal.login) {
    recordError('login', `LibreChat has no logged-in user; the browser is at ${page.url()}`);
  }
  return outcome;
}

async function logOutAndCheck(user) {
  let logout = null;
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
  return logout;
}

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
    let result = null;
    try {
      result = await user.logIn(process.env.DOMAIN_SERVER, landing);
      log(`${result.landed === 'chat' ? 'logged in' : `back at LibreChat's login page ${result.at}`}: ${user.steps.join(' → ')}`);
    } catch (error) {
      recordError('login', error);
    }
    const outcome = judgeLogin(settings, result, page);
    if (journal.login) {
      await variant.afterLanding?.(process.env.DOMAIN_SERVER);
    }
    const logout = journal.login ? await logOutAndCheck(user) : null;
    // Gatehouse's refusal page may answer 403: the refusal itself, judged above, not a browser failure.
    for (const failed of user.failedResponses.filter((line) => !user.denial || !line.endsWith(` ${user.denial.at}`))) {
      recordError('browser', `HTTP ${failed}`);
    }
    const expected = variant.tokenEndpointAuthMethod();
    if (journal.login && !journal.tokenRequests.every((method) => method === expected)) {
      recordError('token request', `client authentication ${journal.tokenRequests.join(', ')}, expected ${expected}`);
    }
    if (journal.login && !journal.userinfo) {
      recordError('userinfo', 'no userinfo answer');
    }
    const claims = journal.login?.idTokenClaims;
    return {
      librechat: variant.label,
      outcome,
      sub: journal.login?.sub,
      email: journal.login?.email,
      role: journal.login?.role,
      amr: claims?.amr,
      id_token_claims: claims ? Object.keys(claims) : undefined,
      groups: claims?.groups,
      required_role: journal.requiredRole,
      admin_role: journal.adminRole,
      steps: user.steps,
      pause: user.pause,
      denied_page: user.denial,
      authorization_request: Object.keys(journal.authorizationRequest || {}),
      authorization_response: journal.authorizationResponse,
      authorization_error: journal.authorizationError,
      librechat_shows: result?.landed === 'login'
        ? { at: result.at, failures: journal.loginPageFailures, callback: journal.refusal } : undefined,
      token_endpoint_auth_method: journal.tokenRequests.join(','),
      userinfo_email: journal.userinfo?.email,
      avatar: journal.avatar,
      ...variant.summary?.(),
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
