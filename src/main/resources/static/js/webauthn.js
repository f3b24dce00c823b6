// Gatehouse's WebAuthn ceremonies. Each form marked data-webauthn ("create" to add a key, "get" to
// use one) carries the server's options in data-options. On submit the browser asks the
// authenticator, the credential's JSON goes into the form's "credential" field, and the form is
// posted as any other (with its CSRF token). A login form marked data-conditional also offers the
// browser's saved passkeys in the username field's autofill, from the moment the user turns to
// that field: a passkey is never used before the person at the keyboard has done anything.

const supported = typeof PublicKeyCredential !== 'undefined'
  && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';
let pendingAutofill = null;

function showError(form, text) {
  const alert = form.querySelector('.webauthn-error');
  alert.textContent = text;
  alert.hidden = false;
}

function ask(kind, options, extra = {}) {
  if (kind === 'create') {
    return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
  }
  return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options), ...extra });
}

function post(form, credential) {
  form.elements.credential.value = JSON.stringify(credential.toJSON());
  const rememberMe = document.getElementById('remember_me');
  if (rememberMe && form.elements.remember_me) {
    form.elements.remember_me.value = rememberMe.checked ? 'on' : '';
  }
  form.submit();
}

async function offerAutofill(form, options) {
  if (pendingAutofill || !(await PublicKeyCredential.isConditionalMediationAvailable?.())) {
    return;
  }
  pendingAutofill = new AbortController();
  try {
    post(form, await ask('get', options, { mediation: 'conditional', signal: pendingAutofill.signal }));
  } catch {
    // Dismissed, or aborted for the button: the button still works.
  }
}

for (const form of document.querySelectorAll('form[data-webauthn]')) {
  const options = JSON.parse(form.dataset.options);
  if (!supported) {
    showError(form, 'This browser cannot use security keys or passkeys.');
    form.querySelector('button').disabled = true;
    continue;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    pendingAutofill?.abort();
    try {
      post(form, await ask(form.dataset.webauthn, options));
    } catch (error) {
      showError(form, error.name === 'NotAllowedError'
        ? 'The request was cancelled or timed out. Try again.'
        : `Your browser could not use the key: ${error.message}`);
    }
  });
  const username = document.getElementById('username');
  if ('conditional' in form.dataset && username) {
    for (const turn of ['pointerdown', 'keydown']) {
      username.addEventListener(turn, () => offerAutofill(form, options), { once: true });
    }
  }
}
