// LibreChat v0.7.9+ with OPENID_REUSE_TOKENS=true: the IdP's tokens become LibreChat's own session.
// setOpenIDAuthTokens (api/server/services/AuthService.js) keeps them server-side and hands the
// client an app token as its API bearer; every protected API route then verifies that bearer with
// the openidJwt strategy (api/strategies/openIdJwtStrategy.js): passport-jwt with jwks-rsa on the
// discovered jwks_uri, audience OPENID_CLIENT_ID (+ OPENID_AUDIENCE), issuer = the discovered one.
//
// Which token is the bearer changed: up to v0.8.2 the access token (#11753 found Entra's Graph
// access tokens failing there), newest the id_token, the access token only without one. Issuer and
// audience are checked since #13052. After the login the harness calls one protected route
// (GET /api/user) with the newest bearer, and once more with the access token as the older
// releases sent it; both are checked by the newest rules and reported in the summary.
import jwksRsa from 'jwks-rsa';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { isEnabled } from './env.mjs';
import { findUser, journal, log, passport, recordError } from './librechat.mjs';

export function reuseEnabled() {
  return isEnabled(process.env.OPENID_REUSE_TOKENS);
}

/**
 * setOpenIDAuthTokens, newest: an access token is required, and a refresh token; without either
 * LibreChat logs an error and sets no cookie, so its client finds nobody logged in. The stand-in
 * notes that as `problem` and keeps the tokens anyway, so that runs without offline_access still
 * show LibreChat's logout variants; a run that means to test token reuse asserts on `problem`.
 */
export function setOpenIDAuthTokens(tokenset, req, res) {
  const problems = [];
  if (!tokenset.access_token) {
    problems.push('No access token found in tokenset');
  }
  if (!tokenset.refresh_token) {
    problems.push('No refresh token available');
  }
  for (const problem of problems) {
    log(`[setOpenIDAuthTokens] ${problem}: LibreChat would set no auth cookie and log nobody in`);
  }
  req.session.openidTokens = {
    accessToken: tokenset.access_token,
    idToken: tokenset.id_token,
    refreshToken: tokenset.refresh_token,
  };
  res.cookie('token_provider', 'openid', { httpOnly: true, sameSite: 'strict' });
  const appAuthToken = tokenset.id_token || tokenset.access_token;
  journal.reuse = {
    bearer: tokenset.id_token ? 'id_token' : 'access_token',
    refresh_token: Boolean(tokenset.refresh_token),
    problem: problems.join('; ') || undefined,
    tokens: { id_token: tokenset.id_token, access_token: tokenset.access_token },
    api: {},
  };
  return appAuthToken;
}

function openIdJwtAudience() {
  const extra = (process.env.OPENID_AUDIENCE ?? '').split(',').map((value) => value.trim()).filter(Boolean);
  const audiences = [...new Set([process.env.OPENID_CLIENT_ID, ...extra].filter(Boolean))];
  return audiences.length > 1 ? audiences : audiences[0];
}

/** normalizeOpenIdIssuer, as far as it matters here: a trailing slash is not a difference. */
const normalizeIssuer = (issuer) => (typeof issuer === 'string' ? issuer.trim().replace(/\/+$/, '') : undefined);

/** The openidJwt strategy, newest: the verify callback checks the issuer, then finds the user. */
function openIdJwtLogin(openidConfig) {
  const jwksUri = openidConfig.serverMetadata().jwks_uri;
  return new JwtStrategy({
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKeyProvider: jwksRsa.passportJwtSecret({
      cache: process.env.OPENID_JWKS_URL_CACHE_ENABLED ? isEnabled(process.env.OPENID_JWKS_URL_CACHE_ENABLED) : true,
      cacheMaxAge: Number(process.env.OPENID_JWKS_URL_CACHE_TIME) || 60000,
      jwksUri,
    }),
    audience: openIdJwtAudience(),
    passReqToCallback: true,
  }, (req, payload, done) => {
    const actual = normalizeIssuer(payload?.iss);
    if (!actual || actual !== normalizeIssuer(openidConfig.serverMetadata().issuer)) {
      return done(null, false, { message: 'Invalid issuer' });
    }
    const user = findUser({ openidId: payload.sub }) || findUser({ email: payload.email });
    if (!user) {
      log(`[openIdJwtLogin] openId JwtStrategy => no user found with the sub claims: ${payload.sub}`);
      return done(null, false, { message: 'no user found' });
    }
    return done(null, user);
  });
}

/**
 * The protected route: GET /api/user behind requireJwtAuth's openidJwt strategy. (Newest LibreChat
 * tries openidJwt only with its token_provider and signed openid_user_id cookies; that gate is not
 * reproduced.) The 401 carries passport-jwt's reason for the harness; LibreChat's says Unauthorized.
 */
export function installApiRoutes(app, openidConfig) {
  passport.use('openidJwt', openIdJwtLogin(openidConfig));
  app.get('/api/user', (req, res, next) => passport.authenticate('openidJwt', { session: false }, (error, user, info) => {
    if (error) {
      return next(error);
    }
    if (!user) {
      return res.status(401).json({ message: 'Unauthorized', reason: info?.message ?? String(info) });
    }
    return res.json({ email: user.email, username: user.username, role: user.role });
  })(req, res, next));
}

function decodePart(token, index) {
  try {
    return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** One call of the protected route with `token` as bearer, and what the token is. */
async function callApi(domainServer, token) {
  const header = token.split('.').length === 3 ? decodePart(token, 0) : null;
  const payload = header ? decodePart(token, 1) : null;
  const response = await fetch(`${domainServer}/api/user`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.json().catch(() => ({}));
  return {
    jwt: Boolean(header && payload),
    typ: header?.typ,
    alg: header?.alg,
    kid: header?.kid,
    iss: payload?.iss,
    aud: payload?.aud === undefined ? undefined : [].concat(payload.aud),
    status: response.status,
    verified: response.status === 200,
    reason: body.reason,
  };
}

/**
 * After a login with OPENID_REUSE_TOKENS: the newest bearer must pass the protected route (an
 * error otherwise); the access token, the bearer of v0.7.9 … v0.8.2, is reported alongside.
 */
export async function exerciseReusedTokens(domainServer) {
  const reuse = journal.reuse;
  if (!reuse) {
    recordError('OPENID_REUSE_TOKENS', 'setOpenIDAuthTokens never ran');
    return;
  }
  for (const kind of ['id_token', 'access_token']) {
    const token = reuse.tokens[kind];
    if (token) {
      reuse.api[kind] = await callApi(domainServer, token);
      log(`GET /api/user with the ${kind} as bearer: ${JSON.stringify(reuse.api[kind])}`);
    }
  }
  const bearer = reuse.api[reuse.bearer];
  if (!bearer?.verified) {
    recordError('[openIdJwtLogin] the reused bearer', `the ${reuse.bearer} was refused by the openidJwt strategy`
      + `${bearer?.jwt === false ? ' (it is not a JWT)' : ''}: ${bearer?.reason ?? 'not sent'}`);
  }
}

/** The summary's view: no raw tokens. */
export function reuseSummary() {
  if (!journal.reuse) {
    return null;
  }
  const { tokens, ...rest } = journal.reuse;
  return rest;
}
