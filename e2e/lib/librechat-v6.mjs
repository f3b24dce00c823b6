// LibreChat v0.7.9 … v0.8.x: openid-client 6 with openid-client/passport, as in the newest
// api/strategies/openidStrategy.js (CustomOpenIDStrategy, customFetch, processOpenIDAuth with the
// role checks of roles.mjs), api/server/routes/oauth.js (an explicit random state; the callback's
// own passport callback sending every failure to the login page), token reuse (reuse.mjs), and the
// v0.8.3+ LogoutController
// (post_logout_redirect_uri with id_token_hint, or logout_hint + client_id when the URL would be
// too long, or client_id alone when no id_token was kept).
import * as client from 'openid-client-6';
import { Strategy as OpenIDStrategy } from 'openid-client-6/passport';
import { installedVersion, isEnabled } from './env.mjs';
import {
  journal, passport, recordError, callbackFailed, log, findUser, createUser, updateUser, getFullName,
  convertToUsername, downloadAvatar, recordLogin,
} from './librechat.mjs';
import { applyAdminRoleNewest, checkRequiredRoleNewest } from './roles.mjs';
import { exerciseReusedTokens, installApiRoutes, reuseEnabled, reuseSummary, setOpenIDAuthTokens } from './reuse.mjs';

const version = installedVersion('openid-client-6');

export const label = `LibreChat v0.7.9-v0.8.x (openid-client ${version})`;

let openidConfig;

/**
 * LibreChat's customFetch (v0.7.9+, #7790): drops a WWW-Authenticate header from 200 answers.
 * It also notes, as test instrumentation, how the token request authenticated the client.
 */
async function customFetch(url, options) {
  const target = url.toString();
  if (target === openidConfig?.serverMetadata().token_endpoint) {
    const headers = new Headers(options.headers);
    const body = new URLSearchParams(options.body?.toString() || '');
    journal.tokenRequests.push(/^Basic /i.test(headers.get('authorization') || '')
      ? 'client_secret_basic' : body.has('client_secret') ? 'client_secret_post' : 'none');
  }
  const response = await fetch(url, options);
  if (response.status === 200 && response.headers.has('www-authenticate')) {
    recordError('[openidStrategy] customFetch', `WWW-Authenticate on a 200 answer from ${target}:`
      + ` ${response.headers.get('www-authenticate')} (LibreChat removes it; openid-client alone would fail)`);
    const headers = new Headers(response.headers);
    headers.delete('www-authenticate');
    return new Response(await response.arrayBuffer(), { status: response.status, statusText: response.statusText, headers });
  }
  return response;
}

function getClientAuthentication(method) {
  switch (method) {
    case 'client_secret_post':
      return client.ClientSecretPost(process.env.OPENID_CLIENT_SECRET);
    case 'client_secret_basic':
      return client.ClientSecretBasic(process.env.OPENID_CLIENT_SECRET);
    case 'none':
      return client.None();
    default:
      log(`Unsupported OPENID_TOKEN_ENDPOINT_AUTH_METHOD "${method}", falling back to client_secret_basic`);
      return client.ClientSecretBasic(process.env.OPENID_CLIENT_SECRET);
  }
}

/** LibreChat's subclass: the current URL from DOMAIN_SERVER, an explicit state, audience, nonce. */
class CustomOpenIDStrategy extends OpenIDStrategy {
  currentUrl(req) {
    return new URL(`${process.env.DOMAIN_SERVER}${req.originalUrl ?? req.url}`);
  }

  authorizationRequestParams(req, options) {
    const params = super.authorizationRequestParams(req, options);
    if (options?.state && !params.has('state')) {
      params.set('state', options.state);
    }
    if (process.env.OPENID_AUDIENCE) {
      params.set('audience', process.env.OPENID_AUDIENCE);
    }
    if (isEnabled(process.env.OPENID_GENERATE_NONCE) && !params.has('nonce') && this._sessionKey) {
      params.set('nonce', client.randomNonce());
    }
    return params;
  }
}

/** getUserInfo: LibreChat logs a failure and goes on with the id_token's claims. */
async function getUserInfo(accessToken, sub) {
  try {
    return await client.fetchUserInfo(openidConfig, accessToken, sub);
  } catch (error) {
    recordError('[openidStrategy] getUserInfo: Error fetching user info', error);
    return null;
  }
}

/** processOpenIDAuth: id_token claims overlaid by userinfo, then the user record and the avatar. */
async function processOpenIDAuth(tokenset) {
  const claims = tokenset.claims();
  const userinfo = { ...claims };
  if (tokenset.access_token) {
    const providerUserinfo = await getUserInfo(tokenset.access_token, claims.sub);
    journal.userinfo = providerUserinfo;
    Object.assign(userinfo, providerUserinfo);
  }
  const emailClaim = process.env.OPENID_EMAIL_CLAIM;
  const email = (emailClaim && userinfo[emailClaim]) || userinfo.email || userinfo.preferred_username || userinfo.upn;
  let user = findUser({ openidId: claims.sub }) || findUser({ email });
  if (user && user.openidId && user.openidId !== claims.sub) {
    throw new Error('AUTH_FAILED');
  }
  const fullName = getFullName(userinfo);
  checkRequiredRoleNewest(tokenset);
  const username = process.env.OPENID_USERNAME_CLAIM
    ? userinfo[process.env.OPENID_USERNAME_CLAIM]
    : convertToUsername(userinfo.preferred_username || userinfo.username || userinfo.email);
  if (!user) {
    user = createUser({
      provider: 'openid',
      openidId: userinfo.sub,
      openidIssuer: openidConfig.serverMetadata().issuer,
      username,
      email: email || '',
      emailVerified: userinfo.email_verified || false,
      name: fullName,
    });
  } else {
    Object.assign(user, { provider: 'openid', openidId: userinfo.sub, username, name: fullName });
  }
  applyAdminRoleNewest(tokenset, userinfo, user);
  if (userinfo.picture && !user.avatar?.includes('manual=true')) {
    await downloadAvatar(userinfo.picture, tokenset.access_token);
  }
  user = updateUser(user._id, user);
  recordLogin(user, claims, tokenset);
  return { ...user, tokenset };
}

/** OPENID_TOKEN_ENDPOINT_AUTH_METHOD, client_secret_basic by default in the newest code read. */
export function tokenEndpointAuthMethod() {
  return process.env.OPENID_TOKEN_ENDPOINT_AUTH_METHOD || 'client_secret_basic';
}

/** setupOpenId: discovery through customFetch, client authentication from the environment. */
export async function setupOpenId() {
  const method = tokenEndpointAuthMethod();
  const clientMetadata = {
    client_id: process.env.OPENID_CLIENT_ID,
    client_secret: process.env.OPENID_CLIENT_SECRET,
    token_endpoint_auth_method: method,
  };
  if (isEnabled(process.env.OPENID_GENERATE_NONCE)) {
    clientMetadata.response_types = ['code'];
    clientMetadata.grant_types = ['authorization_code'];
  }
  openidConfig = await client.discovery(
    new URL(process.env.OPENID_ISSUER),
    process.env.OPENID_CLIENT_ID,
    clientMetadata,
    getClientAuthentication(method),
    { [client.customFetch]: customFetch },
  );
  log(`discovered issuer ${openidConfig.serverMetadata().issuer}; client authentication ${method}`);

  // createOpenIDCallback: LibreChat's own refusals are passport failures, anything else an error.
  const verify = async (tokenset, done) => {
    try {
      done(null, await processOpenIDAuth(tokenset));
    } catch (error) {
      if (['Email domain not allowed', 'AUTH_FAILED'].includes(error.message) || error.message?.includes('role to log in')) {
        log(`[openidStrategy] ${error.message}`);
        return done(null, false, { message: error.message });
      }
      recordError('[openidStrategy] login failed', error);
      return done(error);
    }
  };
  passport.use('openid', new CustomOpenIDStrategy({
    config: openidConfig,
    scope: process.env.OPENID_SCOPE,
    callbackURL: process.env.DOMAIN_SERVER + process.env.OPENID_CALLBACK_URL,
    // Both are passed by LibreChat and ignored by openid-client 6's Strategy.
    clockTolerance: process.env.OPENID_CLOCK_TOLERANCE || 300,
    usePKCE: isEnabled(process.env.OPENID_USE_PKCE),
  }, verify));
}

/** GET /oauth/openid: the route passes a random state (#7559), which the subclass puts in the URL. */
export function authenticateRoute() {
  return (req, res, next) => passport.authenticate('openid', { session: false, state: client.randomState() })(req, res, next);
}

/**
 * isOAuthProtocolFailure (routes/oauthFailure.js): an OAUTH_* code, an AuthorizationResponseError,
 * or openid-client's "invalid response" processing error, on the error, the info or their causes.
 */
function isOAuthProtocolFailure(error, info) {
  const sources = [error, error?.cause, info, info?.cause].filter((source) => source && typeof source === 'object');
  const first = (field) => sources.map((source) => source[field]).find((value) => typeof value === 'string' && value);
  const code = sources.flatMap((source) => [source.code, source.error]).find((value) => typeof value === 'string' && value);
  if (code?.startsWith('OAUTH_') || first('name') === 'AuthorizationResponseError') {
    return true;
  }
  return first('name') === 'OperationProcessingError' && /invalid response/i.test(first('message') ?? '');
}

/**
 * authenticateOpenIDCallback (newest oauth.js): passport with its own callback, so no failure
 * message reaches the session; a failure — LibreChat's refusal, the library's (access_denied is a
 * passport failure in openid-client 6), or a protocol error — goes to
 * DOMAIN_CLIENT/login?redirect=false&error=auth_failed; any other error to the error handler.
 * (v0.8.0 … v0.8.x's createAuthCallbackHandler answered a failure with a bare 401 instead.)
 */
export function callbackRoute(domains) {
  const redirectToAuthFailure = (res) => res.redirect(`${domains.client}/login?redirect=false&error=auth_failed`);
  return (req, res, next) => passport.authenticate('openid', { failureMessage: true, session: false }, (error, user, info) => {
    if (error) {
      if (isOAuthProtocolFailure(error, info)) {
        callbackFailed('[OpenID OAuth] Callback authentication failed', error);
        return redirectToAuthFailure(res);
      }
      callbackFailed('[OpenID OAuth] Callback authentication error', error);
      return next(error);
    }
    if (!user) {
      callbackFailed('[OpenID OAuth] Callback authentication failed', info?.message ? info : 'OpenID authentication failed');
      return redirectToAuthFailure(res);
    }
    return req.logIn(user, { session: false }, (loginError) => (loginError ? next(loginError) : next()));
  })(req, res, next);
}

/** createOAuthHandler: with OPENID_REUSE_TOKENS the IdP's tokens become LibreChat's session. */
export function afterLogin(req, res) {
  if (reuseEnabled()) {
    setOpenIDAuthTokens(req.user.tokenset, req, res);
  }
}

/** With OPENID_REUSE_TOKENS, the protected API routes verify the reused bearer (openidJwt). */
export function apiRoutes(app) {
  if (reuseEnabled()) {
    installApiRoutes(app, openidConfig);
  }
}

/** After the login: the client's first protected API call with the reused bearer. */
export async function afterLanding(domainServer) {
  if (reuseEnabled()) {
    await exerciseReusedTokens(domainServer);
  }
}

/** What only this major reports: the token reuse (OPENID_REUSE_TOKENS). */
export function summary() {
  return { reuse: reuseSummary() };
}

function maxLogoutUrlLength() {
  const raw = (process.env.OPENID_MAX_LOGOUT_URL_LENGTH || '').trim();
  return /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : 2000;
}

/** v0.8.3+ logoutController: the cascade id_token_hint → logout_hint + client_id → client_id. */
export function endSessionUrl(user, tokens) {
  const endpoint = openidConfig.serverMetadata().end_session_endpoint;
  if (!endpoint) {
    return { variant: 'none', url: null };
  }
  const url = new URL(endpoint);
  url.searchParams.set('post_logout_redirect_uri',
    process.env.OPENID_POST_LOGOUT_REDIRECT_URI || `${process.env.DOMAIN_CLIENT}/login`);
  const idToken = tokens?.idToken;
  let variant = 'client_id';
  if (idToken) {
    const projected = url.toString().length + '&id_token_hint='.length + idToken.length;
    variant = projected > maxLogoutUrlLength() ? 'logout_hint' : 'id_token_hint';
  }
  if (variant === 'id_token_hint') {
    url.searchParams.set('id_token_hint', idToken);
  } else {
    if (variant === 'logout_hint') {
      url.searchParams.set('logout_hint', user.email || user.username || user.openidId);
    }
    url.searchParams.set('client_id', process.env.OPENID_CLIENT_ID);
  }
  return { variant, url: url.toString() };
}
