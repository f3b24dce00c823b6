// LibreChat v0.7.5 … v0.7.8: openid-client 5 and its passport Strategy, as in those versions'
// api/strategies/openidStrategy.js and api/server/routes/oauth.js; logout as in v0.7.7/v0.7.8
// (the bare end_session_endpoint).
import { Issuer, Strategy as OpenIDStrategy, custom } from 'openid-client-5';
import { installedVersion, isEnabled } from './env.mjs';
import {
  journal, passport, recordError, log, findUser, createUser, updateUser, getFullName,
  convertToUsername, downloadAvatar, recordLogin,
} from './librechat.mjs';
import { requiredRoleRefusalV07 } from './roles.mjs';

const version = installedVersion('openid-client-5');

export const label = `LibreChat v0.7.5-v0.7.8 (openid-client ${version})`;

let issuer;
let client;

/**
 * Test instrumentation, not LibreChat: openid-client 5's http_options hook sees every request
 * before it is sent; the token request's client authentication is noted in the journal.
 */
function observeRequests(url, options) {
  if (url.href === issuer.token_endpoint) {
    const basic = /^Basic /i.test(options.headers?.Authorization || options.headers?.authorization || '');
    const post = options.form && 'client_secret' in options.form;
    journal.tokenRequests.push(basic ? 'client_secret_basic' : post ? 'client_secret_post' : 'none');
  }
  return {};
}

/** setupOpenId: discovery from the full well-known URL, the client, the strategy, the verify callback. */
export async function setupOpenId() {
  issuer = await Issuer.discover(process.env.OPENID_ISSUER);
  log(`discovered issuer ${issuer.issuer}`);
  const clientMetadata = {
    client_id: process.env.OPENID_CLIENT_ID,
    client_secret: process.env.OPENID_CLIENT_SECRET,
    redirect_uris: [process.env.DOMAIN_SERVER + process.env.OPENID_CALLBACK_URL],
  };
  if (isEnabled(process.env.OPENID_SET_FIRST_SUPPORTED_ALGORITHM)) {
    clientMetadata.id_token_signed_response_alg = issuer.id_token_signing_alg_values_supported?.[0] || 'RS256';
  }
  client = new issuer.Client(clientMetadata);
  client[custom.http_options] = observeRequests;
  log(`client: token_endpoint_auth_method ${client.token_endpoint_auth_method},`
    + ` id_token_signed_response_alg ${client.id_token_signed_response_alg}`);

  // Three parameters: the library itself fetches userinfo before calling back.
  const verify = async (tokenset, userinfo, done) => {
    try {
      journal.userinfo = userinfo;
      let user = findUser({ openidId: userinfo.sub }) || findUser({ email: userinfo.email });
      const fullName = getFullName(userinfo);
      // OPENID_REQUIRED_ROLE: a refusal is a passport failure, shown through failureRedirect.
      const refusal = requiredRoleRefusalV07(tokenset);
      if (refusal) {
        log(`[openidStrategy] ${refusal}`);
        return done(null, false, { message: refusal });
      }
      const username = process.env.OPENID_USERNAME_CLAIM
        ? userinfo[process.env.OPENID_USERNAME_CLAIM]
        : convertToUsername(userinfo.username || userinfo.given_name || userinfo.email);
      if (!user) {
        user = createUser({
          provider: 'openid',
          openidId: userinfo.sub,
          username,
          email: userinfo.email || '',
          emailVerified: userinfo.email_verified || false,
          name: fullName,
        });
      } else {
        Object.assign(user, { provider: 'openid', openidId: userinfo.sub, username, name: fullName });
      }
      if (userinfo.picture && !user.avatar?.includes('manual=true')) {
        await downloadAvatar(userinfo.picture, tokenset.access_token);
      }
      user = updateUser(user._id, user);
      recordLogin(user, tokenset.claims(), tokenset);
      done(null, user);
    } catch (error) {
      recordError('[openidStrategy] login failed', error);
      done(error);
    }
  };

  passport.use('openid', new OpenIDStrategy({ client, params: { scope: process.env.OPENID_SCOPE } }, verify));
}

/** How openid-client 5 chose to authenticate at the token endpoint (LibreChat leaves it to the library). */
export function tokenEndpointAuthMethod() {
  return client.token_endpoint_auth_method;
}

/** GET /oauth/openid: passport's `session: false` option leaks into the URL as session=false. */
export function authenticateRoute() {
  return passport.authenticate('openid', { session: false });
}

/**
 * GET /oauth/openid/callback: failures go back to the client's login page, passport's message in
 * the session. The library fails (not errors) on an OP error such as access_denied, and on an
 * RPError; the message is then e.g. "access_denied (…description…)".
 */
export function callbackRoute(domains) {
  return passport.authenticate('openid', {
    failureRedirect: `${domains.client}/login`,
    failureMessage: true,
    session: false,
  });
}

/** v0.7.7 … v0.8.2: the logout answer redirects to end_session_endpoint with no parameters. */
export function endSessionUrl() {
  return { variant: 'bare', url: issuer.end_session_endpoint };
}
