// A person in Debian's Chromium (driven by playwright-core, headless, loopback only) who clicks
// "Log in with Gatehouse" in LibreChat and goes through Gatehouse's pages: password, TOTP
// enrolment with the one-time code from the filesystem notifier (first run) or the TOTP step with
// the enrolled device (later runs) — or, holding a security key (E2E_KEY_FILE), its registration
// or its use —, consent, or the page saying they may not use the client, whose way back they
// follow; and who later logs out of LibreChat.
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Authenticator } from './authenticator.mjs';
import { SecurityKey } from './security-key.mjs';

const STEP_TIMEOUT = 20_000;
const PAUSE_TIMEOUT = 60_000;
const DASHES = '-'.repeat(40);

/**
 * Chromium trusts the throwaway CA of NODE_EXTRA_CA_CERTS by its key (SPKI pin): Chromium on
 * Linux has no per-profile CA store, and certificate errors are otherwise never ignored.
 */
function caPins(caFile) {
  const pem = readFileSync(caFile, 'utf8');
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g).map((block) => {
    const spki = new X509Certificate(block).publicKey.export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(spki).digest('base64');
  });
}

export async function launch(settings) {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    '--no-proxy-server', '--host-resolver-rules=MAP localhost 127.0.0.1'];
  if (process.env.NODE_EXTRA_CA_CERTS) {
    args.push(`--ignore-certificate-errors-spki-list=${caPins(process.env.NODE_EXTRA_CA_CERTS).join(',')}`);
  }
  // launch() gives the browser a new empty --user-data-dir of its own and removes it on close.
  const browser = await chromium.launch({ executablePath: settings.chromium, headless: true, args });
  const page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  return { browser, page };
}

function lastOneTimeCode(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((line) => line.trim()).filter(Boolean);
  let code;
  for (let i = 0; i + 2 < lines.length; i++) {
    if (lines[i] === DASHES && lines[i + 2] === DASHES && /^[A-Z0-9]+$/.test(lines[i + 1])) {
      code = lines[i + 1];
    }
  }
  return code;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class User {
  constructor(page, settings, issuer) {
    this.page = page;
    this.settings = settings;
    this.issuerOrigin = new URL(issuer).origin;
    this.steps = [];
    this.shots = 0;
    this.failedResponses = [];
    /** Gatehouse's refusal page, when it showed one: its text and where its way back led. */
    this.denial = null;
    /** The pause of E2E_PAUSE_AFTER, once made: after which step, on which page, how it resumed. */
    this.pause = null;
    page.on('response', (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && response.status() >= 400) {
        this.failedResponses.push(`${response.status()} ${request.method()} ${response.url()}`);
      }
    });
  }

  async screenshot(name) {
    if (!this.settings.screenshots) {
      return;
    }
    mkdirSync(this.settings.screenshots, { recursive: true });
    const file = join(this.settings.screenshots, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true }).catch(() => {});
  }

  onGatehouse(path) {
    const url = new URL(this.page.url());
    return url.origin === this.issuerOrigin && (path === undefined || url.pathname === path);
  }

  /** Clicks a button (the form's submit button by default) and waits for the page that answers it. */
  async submit(button = this.page.locator('form button[type=submit]')) {
    await Promise.all([this.page.waitForNavigation({ waitUntil: 'load' }), button.first().click()]);
  }

  /**
   * From LibreChat's login button to LibreChat's chat page (`landing`), or back to LibreChat's
   * login page, where it shows a failed login. Returns `{ landed: 'chat', who }` with the email
   * the chat page shows, or `{ landed: 'login', at }`; throws with the page's URL and text when
   * the way is blocked elsewhere.
   */
  async logIn(domainServer, landing) {
    try {
      return await this.walkToLibreChat(domainServer, landing);
    } catch (error) {
      await this.screenshot('failed');
      throw error;
    }
  }

  async walkToLibreChat(domainServer, landing) {
    const page = this.page;
    const key = this.settings.keyFile ? await SecurityKey.plugIn(page, this.settings.keyFile) : null;
    let enrolled = Authenticator.exists(this.settings.totpFile);
    const mailbox = () => (existsSync(this.settings.notificationFile) ? readFileSync(this.settings.notificationFile, 'utf8') : '');
    let mailBefore = '';
    // The steps since the person last clicked LibreChat's login button.
    let walkedFrom = 0;
    const walked = () => this.steps.slice(walkedFrom);
    await page.goto(`${domainServer}/oauth/openid`, { waitUntil: 'load' });
    for (let turn = 0; turn < 10; turn++) {
      if (await this.pauseWhenDue() === 'restart') {
        walkedFrom = this.steps.length;
        enrolled = Authenticator.exists(this.settings.totpFile);
        await page.goto(`${domainServer}/oauth/openid`, { waitUntil: 'load' });
      }
      const url = new URL(page.url());
      if (url.origin === new URL(landing).origin && url.pathname === new URL(landing).pathname) {
        await page.waitForFunction(() => document.getElementById('user')?.textContent || window.location.pathname !== '/');
        const who = await this.text('#user');
        await this.screenshot('librechat');
        if (!who) {
          throw new Error(`LibreChat's client did not find the user logged in; it is at ${page.url()}`);
        }
        return { landed: 'chat', who };
      }
      if (url.origin === new URL(landing).origin && url.pathname === '/login') {
        await this.screenshot('librechat-login');
        return { landed: 'login', at: url.href };
      }
      if (this.onGatehouse() && await page.locator('#return-to-client').count() > 0) {
        // Gatehouse refuses this person for this client: read the page, take its way back.
        this.steps.push('denied');
        const link = page.locator('#return-to-client').first();
        this.denial = { page: await this.text('body'), at: url.href, href: await link.getAttribute('href') };
        await this.screenshot('denied');
        await this.submit(link);
      } else if (this.onGatehouse('/login') && !walked().includes('password')) {
        this.steps.push('password');
        await page.fill('#username', this.settings.username);
        await page.fill('#password', this.settings.password);
        mailBefore = mailbox();
        await this.screenshot('password');
        await this.submit();
      } else if (this.onGatehouse('/totp/enrol') && await page.locator('code#secret').count() === 0) {
        if (enrolled) {
          throw new Error(`Gatehouse asks to enrol a TOTP device again although one was enrolled (${url.href})`);
        }
        this.steps.push('identity-verification');
        const code = await this.waitForOneTimeCode(mailbox, mailBefore);
        await page.fill('#code', code);
        await this.screenshot('identity-verification');
        await this.submit();
      } else if (this.onGatehouse('/totp/enrol')) {
        this.steps.push('totp-enrolment');
        const secret = (await page.locator('code#secret').innerText()).trim();
        const phone = Authenticator.enrol(this.settings.totpFile, secret);
        await page.fill('#code', await phone.nextCode());
        await this.screenshot('totp-enrolment');
        await this.submit();
      } else if (key && this.onGatehouse('/login/totp')) {
        // The person would rather use their key: the way to it, or to registering it.
        this.steps.push(key.registered ? 'switch-to-key' : 'go-to-key-registration');
        await this.screenshot(this.steps.at(-1));
        if (key.registered) {
          await this.submit(page.locator('#use-security-key'));
        } else {
          await page.goto(`${this.issuerOrigin}/webauthn`, { waitUntil: 'load' });
        }
      } else if (key && this.onGatehouse('/webauthn') && await page.locator('#add-key').count() === 0) {
        this.steps.push('identity-verification');
        await page.fill('#code', await this.waitForOneTimeCode(mailbox, mailBefore));
        await this.screenshot('identity-verification');
        await this.submit();
      } else if (key && this.onGatehouse('/webauthn')) {
        this.steps.push('key-registration');
        await page.fill('#name', 'YubiKey');
        await this.screenshot('key-registration');
        await this.submit(page.locator('#add-key'));
        await key.keep();
      } else if (key && this.onGatehouse('/login/webauthn')) {
        if (walked().includes('security-key')) {
          throw new Error(`Gatehouse refused the security key: ${await this.text('.error')}`);
        }
        this.steps.push('security-key');
        await this.screenshot('security-key');
        await this.submit(page.locator('#use-key'));
        await key.keep();
      } else if (this.onGatehouse('/login/totp')) {
        if (!enrolled) {
          throw new Error(`Gatehouse asks for a TOTP code before any device was enrolled (${url.href})`);
        }
        if (walked().includes('totp')) {
          throw new Error(`Gatehouse refused the TOTP code: ${await this.text('#code-error')}`);
        }
        this.steps.push('totp');
        await page.fill('#code', await Authenticator.load(this.settings.totpFile).nextCode());
        await this.screenshot('totp');
        await this.submit();
      } else if (this.onGatehouse('/consent')) {
        this.steps.push('consent');
        await this.screenshot('consent');
        await this.submit(page.locator('button', { hasText: 'Accept' }));
      } else {
        throw new Error(`the login stopped at ${url.href} after ${this.steps.join(', ') || 'nothing'}:`
          + ` ${(await this.text('body')).slice(0, 400)}`);
      }
    }
    throw new Error(`the login went round in circles: ${this.steps.join(', ')}`);
  }

  /**
   * E2E_PAUSE_AFTER: right after that step, once, hands over to the test (writes the pause file)
   * and waits until the test removes the file. Returns how the person resumes, or null.
   */
  async pauseWhenDue() {
    const pause = this.settings.pause;
    if (!pause || this.pause || this.steps[this.steps.length - 1] !== pause.after) {
      return null;
    }
    this.pause = { after: pause.after, at: this.page.url(), resume: pause.resume };
    writeFileSync(pause.file, JSON.stringify(this.pause));
    for (let waited = 0; existsSync(pause.file); waited += 100) {
      if (waited > PAUSE_TIMEOUT) {
        throw new Error(`nobody resumed the run paused after ${pause.after} (${pause.file} is still there)`);
      }
      await sleep(100);
    }
    return pause.resume;
  }

  async waitForOneTimeCode(mailbox, before) {
    for (let waited = 0; waited < STEP_TIMEOUT; waited += 200) {
      const now = mailbox();
      if (now !== before) {
        const code = lastOneTimeCode(now);
        if (code) {
          return code;
        }
      }
      await sleep(200);
    }
    throw new Error(`no new one-time code arrived in ${this.settings.notificationFile}`);
  }

  async text(selector) {
    return (await this.page.locator(selector).first().innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
  }

  /**
   * LibreChat's client: POST /api/auth/logout, then `window.location.href = redirect` when the
   * answer names the OP's end-session URL. A Gatehouse page asking to confirm is confirmed.
   */
  async logOut() {
    const page = this.page;
    const before = page.url();
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/auth/logout', { method: 'POST', credentials: 'include' });
      const body = await response.json();
      if (body.redirect) {
        window.location.href = body.redirect;
      }
      return { status: response.status, body };
    });
    if (answer.status !== 200) {
      throw new Error(`LibreChat's logout answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    if (!answer.body.redirect) {
      return { landed: before };
    }
    await page.waitForURL((url) => url.href !== before, { waitUntil: 'load' });
    let confirmed = false;
    const confirm = page.locator('form button[type=submit]').filter({ hasText: /log\s*out|sign\s*out|confirm|yes/i });
    if (this.onGatehouse() && await confirm.count() > 0) {
      await this.screenshot('logout-confirmation');
      await this.submit(confirm);
      confirmed = true;
    }
    await this.screenshot('logged-out');
    return { landed: page.url(), confirmed, page: (await this.text('body')).slice(0, 200) };
  }

  /** After logout, LibreChat's login button must lead to Gatehouse's password page again. */
  async sessionEnded(domainServer) {
    await this.page.goto(`${domainServer}/oauth/openid`, { waitUntil: 'load' });
    await this.screenshot('after-logout');
    return { ended: this.onGatehouse('/login'), at: this.page.url() };
  }
}
