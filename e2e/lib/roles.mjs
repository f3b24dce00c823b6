// LibreChat's role checks on the IdP's tokens, per generation, as in api/strategies/openidStrategy.js:
// the login gate (OPENID_REQUIRED_ROLE, _PARAMETER_PATH, _TOKEN_KIND) and, newest only, the
// ADMIN/USER decision (OPENID_ADMIN_ROLE, _PARAMETER_PATH, _TOKEN_KIND). Both decode a token
// without verifying it (jsonwebtoken/decode): an opaque access token decodes to null, so only a JWT
// can carry roles. What each check saw is kept in the journal for the summary.
import jwtDecode from 'jsonwebtoken/decode.js';
import lodash from 'lodash';
import { journal, log } from './librechat.mjs';

/**
 * v0.7.5 … v0.7.8: one role; `access` or `id` decoded, anything else leaves the empty string; the
 * dot path walked by hand (a missing key yields [] and is logged); `.includes` on what was found
 * (a string claim matches by substring). Returns the refusal message, or null to go on. A missing
 * path throws, as LibreChat's `split` on undefined does.
 */
export function requiredRoleRefusalV07(tokenset) {
  const requiredRole = process.env.OPENID_REQUIRED_ROLE;
  if (!requiredRole) {
    return null;
  }
  const path = process.env.OPENID_REQUIRED_ROLE_PARAMETER_PATH;
  const kind = process.env.OPENID_REQUIRED_ROLE_TOKEN_KIND;
  let decodedToken = '';
  if (kind === 'access') {
    decodedToken = jwtDecode(tokenset.access_token);
  } else if (kind === 'id') {
    decodedToken = jwtDecode(tokenset.id_token);
  }
  let found = true;
  const roles = path.split('.').reduce((o, key) => {
    if (o === null || o === undefined || !(key in o)) {
      found = false;
      return [];
    }
    return o[key];
  }, decodedToken);
  if (!found) {
    log(`[openidStrategy] Key '${path}' not found in ${kind} token!`);
  }
  const passed = roles.includes(requiredRole);
  journal.requiredRole = { kind, path, values: roles, passed };
  return passed ? null : `You must have the "${requiredRole}" role to log in.`;
}

function rolesList(requiredRoles) {
  return requiredRoles.length === 1
    ? `"${requiredRoles[0]}"`
    : `one of: ${requiredRoles.map((role) => `"${role}"`).join(', ')}`;
}

/**
 * Newest: comma-separated roles (any one suffices); `access` only when there is an access token,
 * `id` only when there is an id_token; lodash's `get` on the path; an array or a string (compared
 * whole) accepted. Throws LibreChat's refusal, which its verify callback turns into a passport
 * failure. (Entra's group overage, resolved through Microsoft Graph, does not arise here.)
 */
export function checkRequiredRoleNewest(tokenset) {
  const requiredRole = process.env.OPENID_REQUIRED_ROLE;
  if (!requiredRole) {
    return;
  }
  const requiredRoles = requiredRole.split(',').map((role) => role.trim()).filter(Boolean);
  const path = process.env.OPENID_REQUIRED_ROLE_PARAMETER_PATH;
  const kind = process.env.OPENID_REQUIRED_ROLE_TOKEN_KIND;
  let decodedToken = '';
  if (kind === 'access' && tokenset.access_token) {
    decodedToken = jwtDecode(tokenset.access_token);
  } else if (kind === 'id' && tokenset.id_token) {
    decodedToken = jwtDecode(tokenset.id_token);
  }
  const roles = lodash.get(decodedToken, path);
  journal.requiredRole = { kind, path, values: roles ?? null, passed: false };
  if (!roles || (!Array.isArray(roles) && typeof roles !== 'string')) {
    log(`[openidStrategy] Key '${path}' not found in ${kind} token!`);
    throw new Error(`You must have ${rolesList(requiredRoles)} role to log in.`);
  }
  const roleValues = Array.isArray(roles) ? roles : [roles];
  if (!requiredRoles.some((role) => roleValues.includes(role))) {
    throw new Error(`You must have ${rolesList(requiredRoles)} role to log in.`);
  }
  journal.requiredRole.passed = true;
}

/**
 * Newest (v0.8.1+): with all three variables set, ADMIN when the claim at the path is true, equals
 * the role or is an array holding it; otherwise an ADMIN is demoted to USER. `userinfo` is the
 * id_token claims overlaid by the userinfo answer. An unknown kind fails the login.
 */
export function applyAdminRoleNewest(tokenset, userinfo, user) {
  const adminRole = process.env.OPENID_ADMIN_ROLE;
  const path = process.env.OPENID_ADMIN_ROLE_PARAMETER_PATH;
  const kind = process.env.OPENID_ADMIN_ROLE_TOKEN_KIND;
  if (!(adminRole && path && kind)) {
    return;
  }
  let source;
  switch (kind) {
    case 'access':
      source = jwtDecode(tokenset.access_token);
      break;
    case 'id':
      source = jwtDecode(tokenset.id_token);
      break;
    case 'userinfo':
      source = userinfo;
      break;
    default:
      log(`[openidStrategy] Invalid admin role token kind: ${kind}. Must be one of 'access', 'id', or 'userinfo'.`);
      throw new Error('Invalid admin role token kind');
  }
  const adminRoles = lodash.get(source, path);
  const isAdmin = Boolean(adminRoles) && (adminRoles === true || adminRoles === adminRole
    || (Array.isArray(adminRoles) && adminRoles.includes(adminRole)));
  journal.adminRole = { kind, path, values: adminRoles ?? null };
  if (isAdmin) {
    user.role = 'ADMIN';
    log(`[openidStrategy] User ${user.username} is an admin based on role: ${adminRole}`);
  } else if (user.role === 'ADMIN') {
    user.role = 'USER';
    log(`[openidStrategy] User ${user.username} demoted from admin - role no longer present in token`);
  }
}
