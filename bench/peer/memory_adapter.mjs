// oidc-provider's storage for the benchmark: its own quick-start adapter keeps at most 1000 entries
// (least recently used dropped), which loses pre-minted authorization codes. This one keeps every
// entry until it expires. Everything lives in the process's memory, so oidc-provider writes nothing
// to disk while Gatehouse commits each change to its H2 file: a comparison that favours oidc-provider.
const entries = new Map();
const grants = new Map();
const sessionUids = new Map();
const userCodes = new Map();

const SWEEP_MILLIS = 10_000;
setInterval(() => {
  const now = Date.now();
  for (const [key, entry] of entries) {
    if (entry.expiresAt <= now) entries.delete(key);
  }
  for (const [grantId, keys] of grants) {
    for (const key of keys) if (!entries.has(key)) keys.delete(key);
    if (keys.size === 0) grants.delete(grantId);
  }
  for (const index of [sessionUids, userCodes]) {
    for (const [value, key] of index) if (!entries.has(key)) index.delete(value);
  }
}, SWEEP_MILLIS).unref();

function live(key) {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= Date.now()) {
    entries.delete(key);
    return undefined;
  }
  return entry.payload;
}

export default class MemoryAdapter {
  constructor(model) {
    this.model = model;
  }

  key(id) {
    return `${this.model}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    const key = this.key(id);
    entries.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
    if (payload.grantId) {
      if (!grants.has(payload.grantId)) grants.set(payload.grantId, new Set());
      grants.get(payload.grantId).add(key);
    }
    if (payload.uid) sessionUids.set(payload.uid, key);
    if (payload.userCode) userCodes.set(payload.userCode, key);
  }

  async find(id) {
    return live(this.key(id));
  }

  async findByUid(uid) {
    const key = sessionUids.get(uid);
    return key && live(key);
  }

  async findByUserCode(userCode) {
    const key = userCodes.get(userCode);
    return key && live(key);
  }

  async consume(id) {
    const payload = live(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) {
    entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId) {
    for (const key of grants.get(grantId) || []) entries.delete(key);
    grants.delete(grantId);
  }
}
