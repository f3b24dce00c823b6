// The parts of LibreChat's API server that take part in an OpenID login, shared by both majors:
// express-session (api/server/socialLogins.js), the /oauth routes (api/server/routes/oauth.js),
// the OAuth handler that mints LibreChat's own session (controllers/auth/oauth.js), a user
// collection standing in for MongoDB, the avatar download, and the logout controller
// (controllers/auth/LogoutController.js). What differs between majors comes from `variant`
// (librechat-v5.mjs, librechat-v6.mjs).
//
// LibreChat logs and swallows some library failures (userinfo in v0.7.9+, the avatar download);
// here every such failure is also kept in `journal.errors`, and the run fails on any of them.
import { randomBytes, randomUUID } from 'node:crypto';
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { expectsRefusal, isEnabled } from './env.mjs';

/** What the run observed; main.mjs turns it into the verdict and the summary. */
export const journal = {
  errors: [],
  authorizationRequest: null,
  authorizationResponse: null,
  /** The provider's error and error_description, when it sent the person back with one. */
  authorizationError: null,
  /** The failures LibreChat's login page showed (query error/message or passport's session message). */
  loginPageFailures: [],
  /** What the library or the callback route reported for a refusal the run expected. */
  refusal: null,
  tokenRequests: [],
  requiredRole: null,
  adminRole: null,
  reuse: null,
  userinfo: null,
  avatar: null,
  login: null,
  logout: null,
};

export function recordError(where, error) {
  const detail = error instanceof Error
    ? [error.name, error.code, error.message, error.error, error.error_description, error.cause?.message]
        .filter(Boolean).join(': ')
    : String(error);
  journal.errors.push(`${where}: ${detail}`);
  console.error(`[librechat] ERROR ${where}: ${detail}`);
}

export function log(message) {
  console.error(`[librechat] ${message}`);
}

/**
 * A failed callback: an error, unless the run expects the provider's refusal (E2E_EXPECT=refused)
 * and this callback carried error=access_denied; then it is the expected outcome, kept apart.
 */
export function callbackFailed(where, failure) {
  const refusal = typeof failure === 'object' && failure !== null
    ? { where, message: failure.message, error: failure.error ?? failure.code }
    : { where, message: String(failure) };
  if (expectsRefusal() && journal.authorizationError?.error === 'access_denied') {
    journal.refusal = refusal;
    log(`${where} (expected refusal): ${JSON.stringify(refusal)}`);
    return;
  }
  recordError(where, failure instanceof Error ? failure : [refusal.error, refusal.message].filter(Boolean).join(': '));
}

// ---- the users collection (MongoDB in LibreChat) --------------------------------------------

const users = new Map();

export function findUser(query) {
  for (const user of users.values()) {
    if (Object.entries(query).every(([key, value]) => value !== undefined && user[key] === value)) {
      return { ...user };
    }
  }
  return null;
}

export function createUser(data) {
  // The mongoose schema's rule behind "User validation failed: email: can't be blank".
  if (!data.email) {
    throw new Error('User validation failed: email: can\'t be blank');
  }
  // The schema's default role; the first local registration's ADMIN does not apply to OpenID.
  const user = { role: 'USER', ...data, _id: randomUUID() };
  users.set(user._id, user);
  return { ...user };
}

export function updateUser(id, data) {
  if (!data.email) {
    throw new Error('User validation failed: email: can\'t be blank');
  }
  users.set(id, { ...data, _id: id });
  return { ...data, _id: id };
}

// ---- helpers of api/strategies/openidStrategy.js, the same in both majors -------------------

export function getFullName(userinfo) {
  if (process.env.OPENID_NAME_CLAIM) {
    return userinfo[process.env.OPENID_NAME_CLAIM];
  }
  if (userinfo.given_name && userinfo.family_name) {
    return `${userinfo.given_name} ${userinfo.family_name}`;
  }
  return userinfo.given_name || userinfo.family_name || userinfo.username || userinfo.email;
}

export function convertToUsername(input, defaultValue = '') {
  if (typeof input === 'string') {
    return input;
  }
  if (Array.isArray(input)) {
    return input.join('_');
  }
  return defaultValue;
}

/**
 * downloadImage: the `picture` URL fetched with the user's access token as a bearer. LibreChat
 * logs a failure and carries on without an avatar; the journal keeps it as an error.
 */
export async function downloadAvatar(url, accessToken) {
  if (!url) {
    return;
  }
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
    const body = Buffer.from(await response.arrayBuffer());
    journal.avatar = { status: response.status, type: response.headers.get('content-type'), bytes: body.length };
    if (!response.ok) {
      throw new Error(`${response.statusText} (HTTP ${response.status})`);
    }
    log(`avatar downloaded from ${url}: ${body.length} bytes of ${journal.avatar.type}`);
  } catch (error) {
    recordError(`downloadImage: Error downloading image at URL "${url}"`, error);
  }
}

/** Keeps the id_token claims and the userinfo answer of a finished login for the summary. */
export function recordLogin(user, claims, tokenset) {
  journal.login = {
    sub: user.openidId,
    email: user.email,
    username: user.username,
    name: user.name,
    role: user.role,
    amr: claims.amr,
    idTokenClaims: claims,
    tokenType: tokenset.token_type,
  };
  log(`login success openidId: ${user.openidId} | email: ${user.email} | username: ${user.username}`);
}

// ---- the server ------------------------------------------------------------------------------

/**
 * Starts LibreChat's API server on HOST:PORT with the OpenID routes of `variant`, which has
 * already registered passport's 'openid' strategy.
 */
export async function startServer(variant) {
  const domains = { client: process.env.DOMAIN_CLIENT, server: process.env.DOMAIN_SERVER };
  const listen = new URL(domains.server);
  const host = process.env.HOST || listen.hostname;
  const port = Number(process.env.PORT || listen.port);
  // LibreChat's own login (the refreshToken cookie); the JWT it would mint is a random id here.
  const sessions = new Map();

  const app = express();
  app.disable('x-powered-by');
  app.use(session({
    secret: process.env.OPENID_SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
  }));
  app.use(passport.initialize());

  const cookie = (req, name) => {
    for (const part of (req.headers.cookie || '').split(';')) {
      const [key, ...value] = part.trim().split('=');
      if (key === name) {
        return decodeURIComponent(value.join('='));
      }
    }
    return undefined;
  };

  /** Test instrumentation: the parameters of the authorization URL the strategy redirects to. */
  const recordAuthorizationRequest = (req, res, next) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => {
      if (name.toLowerCase() === 'location') {
        journal.authorizationRequest = Object.fromEntries(new URL(value).searchParams);
      }
      return setHeader(name, value);
    };
    next();
  };

  /** createOAuthHandler: LibreChat's own session for the user, then back to the client. */
  const oauthHandler = (req, res) => {
    const token = randomBytes(24).toString('hex');
    sessions.set(token, { user: req.user });
    variant.afterLogin?.(req, res);
    res.cookie('refreshToken', token, { httpOnly: true, sameSite: 'strict' });
    res.redirect(domains.client);
  };

  app.get('/oauth/openid', recordAuthorizationRequest, variant.authenticateRoute());
  const recordAuthorizationResponse = (req, res, next) => {
    journal.authorizationResponse = Object.keys(req.query);
    if (req.query.error) {
      journal.authorizationError = { error: req.query.error, error_description: req.query.error_description };
    }
    next();
  };
  app.get('/oauth/openid/callback', recordAuthorizationResponse, variant.callbackRoute(domains), oauthHandler);
  app.get('/oauth/error', (req, res) => {
    const message = req.session?.messages?.pop() || req.query?.message || 'Unknown OAuth error';
    res.redirect(`${domains.client}/login?redirect=false&error=auth_failed&message=${encodeURIComponent(message)}`);
  });

  // The client (DOMAIN_CLIENT): its login page, where failures are shown, and the chat page.
  app.get('/login', (req, res) => {
    const messages = req.session?.messages || [];
    const message = req.query.message || messages[messages.length - 1];
    if (req.query.error || message) {
      journal.loginPageFailures.push({ url: req.originalUrl, error: req.query.error, message });
      log(`LibreChat's login page shows ${[req.query.error, message].filter(Boolean).join(': ')}`);
    }
    res.type('html').send('<!DOCTYPE html><title>LibreChat</title><h1>Welcome back</h1>'
      + '<a id="openid" href="/oauth/openid">Log in with Gatehouse</a>');
  });
  // The client is a single-page app: its HTML needs no cookie; it then asks the API who is logged
  // in (POST /api/auth/refresh, same-site, so the SameSite=Strict refreshToken cookie goes along).
  app.get('/', (req, res) => {
    res.type('html').send(`<!DOCTYPE html><title>LibreChat</title><h1 id="user"></h1><script>
      fetch('/api/auth/refresh', { method: 'POST' }).then(async (response) => {
        if (response.status !== 200) { window.location.href = '/login'; return; }
        document.getElementById('user').textContent = (await response.json()).user.email;
      });</script>`);
  });
  variant.apiRoutes?.(app);
  app.post('/api/auth/refresh', (req, res) => {
    const entry = sessions.get(cookie(req, 'refreshToken'));
    if (!entry) {
      return res.status(401).send('Refresh token not provided');
    }
    return res.json({ user: { email: entry.user.email, username: entry.user.username } });
  });

  /** LogoutController: ends LibreChat's session, then hands the client the OP's logout URL. */
  app.post('/api/auth/logout', (req, res) => {
    const token = cookie(req, 'refreshToken');
    const entry = sessions.get(token);
    if (!entry) {
      return res.status(401).json({ message: 'Unauthorized' });
    }
    sessions.delete(token);
    const tokens = req.session?.openidTokens;
    if (req.session) {
      delete req.session.openidTokens;
    }
    res.clearCookie('refreshToken');
    const response = { message: 'Logout successful' };
    if (isEnabled(process.env.OPENID_USE_END_SESSION_ENDPOINT) && process.env.OPENID_ISSUER) {
      const logout = variant.endSessionUrl(entry.user, tokens);
      journal.logout = { variant: logout.variant, url: logout.url };
      if (logout.url) {
        response.redirect = logout.url;
      } else {
        recordError('logoutController', 'end_session_endpoint not found in OpenID issuer metadata');
      }
    }
    return res.status(200).send(response);
  });

  // passport's this.error(err) lands here: LibreChat answers 500 and logs it.
  app.use((error, req, res, next) => {
    recordError(`${req.method} ${req.path}`, error);
    res.status(500).type('text').send(`LibreChat error: ${error.message}`);
  });

  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening));
    listening.on('error', reject);
  });
  log(`listening on ${host}:${port} as ${domains.server}`);
  return server;
}

export { passport };
