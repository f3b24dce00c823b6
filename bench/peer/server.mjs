// panva's oidc-provider set up like Gatehouse's seed client, so that the benchmark can put the two
// side by side: a confidential client with client_secret_basic, the code flow without PKCE, opaque
// access tokens, rotated refresh tokens, and a user who signs in with a password checked against an
// argon2id digest (the same one Gatehouse checks) and then consents. oidc-provider has no TOTP.
//
// Usage: node server.mjs <settings.json>, where the benchmark writes
//   { "port", "issuer", "client": { "id", "secret", "redirectUri", "scopes" },
//     "users": { "<name>": { "digest", "displayname", "email" } } }
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { verify } from '@node-rs/argon2';
import Provider from 'oidc-provider';
import MemoryAdapter from './memory_adapter.mjs';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: 'bench-rs256', alg: 'RS256', use: 'sig',
};

const provider = new Provider(settings.issuer, {
  clients: [{
    client_id: settings.client.id,
    client_secret: settings.client.secret,
    redirect_uris: [settings.client.redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: settings.client.scopes.join(' '),
  }],
  adapter: MemoryAdapter,
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  features: {
    devInteractions: { enabled: false },
    introspection: { enabled: true },
    revocation: { enabled: true },
  },
  pkce: { required: () => false },
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
  },
  findAccount: (ctx, id) => {
    const user = settings.users[id];
    return user && {
      accountId: id,
      claims: () => ({ sub: id, name: user.displayname, preferred_username: id, email: user.email, email_verified: true }),
    };
  },
  // As Gatehouse: a refresh token whenever the client may refresh, and a new one at every use.
  issueRefreshToken: (ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: true,
  // Authelia's default lifespans, which Gatehouse uses.
  ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 5400, Interaction: 600, Session: 3600, Grant: 3600 },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});

// Failed grants are the benchmark's errors: say why, once each, for its log.
provider.on('grant.error', (ctx, error) => console.error('grant.error:', error.message, error.error_detail || ''));
provider.on('server_error', (ctx, error) => console.error('server_error:', error));

function page(title, body) {
  return `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid, message = '') {
  return page('Sign in', `${message}<form method="post" action="/interaction/${uid}/login">`
    + '<input name="username" autocomplete="username"><input name="password" type="password">'
    + '<button type="submit">Sign in</button></form>');
}

function consentPage(uid, scopes) {
  return page('Allow access', `<p>Allow access to ${scopes.join(', ')}?</p>`
    + `<form method="post" action="/interaction/${uid}/confirm">`
    + '<button type="submit" name="decision" value="accept">Accept</button></form>');
}

async function formOf(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

function send(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

async function passwordMatches(username, password) {
  const user = Object.hasOwn(settings.users, username) ? settings.users[username] : null;
  return user !== null && verify(user.digest, password);
}

async function grantConsent(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } },
    { mergeWithLastSubmission: true });
}

async function interaction(req, res, uid, step) {
  if (req.method === 'GET' && !step) {
    const { prompt } = await provider.interactionDetails(req, res);
    return prompt.name === 'login'
      ? send(res, 200, loginPage(uid))
      : send(res, 200, consentPage(uid, prompt.details.missingOIDCScope || []));
  }
  if (req.method === 'POST' && step === 'login') {
    const form = await formOf(req);
    const username = form.get('username') || '';
    if (!(await passwordMatches(username, form.get('password') || ''))) {
      return send(res, 200, loginPage(uid, '<p>Incorrect username or password.</p>'));
    }
    return provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && step === 'confirm') {
    return grantConsent(req, res);
  }
  return send(res, 404, page('Not found', ''));
}

const oidc = provider.callback();
const server = createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm))?$/.exec(req.url);
  if (!match) {
    oidc(req, res);
    return;
  }
  interaction(req, res, match[1], match[2]).catch((error) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, page('Error', ''));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(settings.port, '127.0.0.1');
