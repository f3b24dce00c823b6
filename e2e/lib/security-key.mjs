// The person's USB security key: a virtual authenticator of Chromium's DevTools protocol (CTAP2,
// no resident keys, verifying its user), whose credentials are kept in a file between runs as a
// real key keeps them between logins. Its private keys stay in the test's temporary directory.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export class SecurityKey {
  constructor(devtools, authenticatorId, file, registered) {
    this.devtools = devtools;
    this.authenticatorId = authenticatorId;
    this.file = file;
    this.registered = registered;
  }

  /** Plugs the key into the page's browser, with the credentials of earlier runs. */
  static async plugIn(page, file) {
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await devtools.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: false, hasUserVerification: true,
        isUserVerified: true, automaticPresenceSimulation: true },
    });
    const credentials = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
    for (const credential of credentials) {
      await devtools.send('WebAuthn.addCredential', { authenticatorId, credential });
    }
    return new SecurityKey(devtools, authenticatorId, file, credentials.length > 0);
  }

  /** Writes the key's credentials (with their counters) for the next run. */
  async keep() {
    const { credentials } = await this.devtools.send('WebAuthn.getCredentials',
      { authenticatorId: this.authenticatorId });
    writeFileSync(this.file, JSON.stringify(credentials));
    this.registered = credentials.length > 0;
  }
}
