// The user's phone: RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits, Gatehouse's defaults) from the
// base32 secret shown at enrolment. The secret and the time steps already spent are kept in a
// JSON file, so that the next run signs in with the enrolled device and never replays a step
// (Gatehouse refuses a step used before).
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const PERIOD = 30;
const SKEW = 1;

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) {
      throw new Error(`not base32: ${JSON.stringify(text)}`);
    }
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function codeAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = hash.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Authenticator {
  constructor(file, secret, usedSteps = []) {
    this.file = file;
    this.secret = secret;
    this.usedSteps = usedSteps;
  }

  static exists(file) {
    return existsSync(file);
  }

  static load(file) {
    const { secret, usedSteps } = JSON.parse(readFileSync(file, 'utf8'));
    return new Authenticator(file, secret, usedSteps);
  }

  static enrol(file, secret) {
    return new Authenticator(file, secret.replace(/\s/g, ''), []);
  }

  /**
   * A code for a time step no earlier run has used and the server accepts now (within the skew),
   * preferring steps that stay valid longest; waits for the next step only when all are spent.
   */
  async nextCode() {
    for (;;) {
      const seconds = Date.now() / 1000;
      const now = Math.floor(seconds / PERIOD);
      const left = PERIOD - (seconds % PERIOD);
      const candidates = [now + SKEW, now, now - SKEW].filter((step) => !this.usedSteps.includes(step));
      const step = candidates.find((candidate) => candidate >= now || left > 4);
      if (step !== undefined) {
        this.usedSteps.push(step);
        this.save();
        return codeAt(this.secret, step);
      }
      await sleep(left * 1000 + 200);
    }
  }

  save() {
    writeFileSync(this.file, JSON.stringify({ secret: this.secret, usedSteps: this.usedSteps.slice(-20) }));
  }
}
