// OfferKit console: a plain client of the management API. The token lives in sessionStorage (this tab only)
// and is sent only in the Authorization header of same-origin API calls.
import { create, toCanvas } from './vendor/qrcode.js';

const TOKEN_KEY = 'offerkit-console-token';
const POLL_MS = 2000;
const QR_TARGET_PX = 360;
const api = {
  offers: new URL('../v1/openid/offers', location.href),
  preAuthorized: new URL('../v1/openid/offers/pre-authorized', location.href),
  preAuthorizedByReference: new URL('../by-reference/v1/openid/offers/pre-authorized', location.href),
};

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
let token = sessionStorage.getItem(TOKEN_KEY) ?? '';
/** Timers of the offer on display; cleared when another offer replaces it. */
let shown = { countdown: 0, poll: 0, id: '' };

class ConsoleError extends Error {}

/**
 * Calls the management API; throws ConsoleError with the MATTR envelope's code, message and details.
 * @param {string} method @param {URL} url @param {unknown} [body]
 */
async function callApi(method, url, body) {
  if (token === '') throw new ConsoleError('Enter the management token first.');
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ConsoleError(`The issuer did not answer: ${error.message}`);
  }
  const text = await response.text();
  let data;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ConsoleError(`${response.status}: the answer is not JSON`);
  }
  if (!response.ok) {
    const details = (data?.details ?? []).map((d) => `\n  • ${d.param ?? ''}: ${d.msg ?? ''}`).join('');
    throw new ConsoleError(`${response.status} ${data?.code ?? 'Error'}: ${data?.message ?? ''}${details}`);
  }
  return data;
}

function showError(error) {
  const box = $('error');
  box.textContent = error instanceof ConsoleError ? error.message : `Unexpected error: ${error}`;
  box.hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

function showTokenState() {
  $('token-state').textContent = token === '' ? 'No token yet.' : 'Token set for this tab.';
}

/** @param {string} text @param {string} what */
function parseJsonObject(text, what) {
  if (text.trim() === '') return undefined;
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConsoleError(`${what} is not valid JSON: ${error.message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConsoleError(`${what} must be a JSON object`);
  }
  return value;
}

/** The offer inside a credential offer URI, or the reference it points to. @param {string} uri */
function decodeOfferUri(uri) {
  const query = new URLSearchParams(uri.slice(uri.indexOf('?') + 1));
  const byValue = query.get('credential_offer');
  if (byValue !== null) return { offer: JSON.parse(byValue) };
  return { reference: query.get('credential_offer_uri') };
}

/** Draws the URI as a QR code with whole screen pixels per module, so it stays crisp. @param {string} uri */
async function drawQr(uri) {
  const size = create(uri, { errorCorrectionLevel: 'M' }).modules.size;
  const margin = 4;
  const scale = Math.max(2, Math.floor(QR_TARGET_PX / (size + 2 * margin)));
  await toCanvas($('qr'), uri, { errorCorrectionLevel: 'M', margin, scale });
}

function stopTimers() {
  clearInterval(shown.countdown);
  clearInterval(shown.poll);
  shown = { countdown: 0, poll: 0, id: '' };
}

/**
 * Shows a freshly created offer.
 * @param {{ uri: string, id?: string, expiresAt?: string, transactionCode?: string }} result
 */
async function showOffer(result) {
  stopTimers();
  const card = $('offer');
  const preAuthorized = result.id !== undefined;
  card.className = `card ${preAuthorized ? 'pre-auth' : 'auth-code'}`;
  $('offer-title').textContent = preAuthorized ? 'Pre-authorized offer' : 'Authorization-code offer';
  $('offer-uri').value = result.uri;
  await drawQr(result.uri);
  const decoded = decodeOfferUri(result.uri);
  $('offer-json').textContent = JSON.stringify(
    decoded.offer ?? { credential_offer_uri: decoded.reference },
    null,
    2,
  );
  card.hidden = false;
  if (decoded.reference) showReferencedOffer(decoded.reference);
  if (!preAuthorized) return;

  $('offer-id').textContent = result.id;
  $('tx-code').textContent = result.transactionCode ?? 'none';
  $('delete').disabled = false;
  shown.id = result.id;
  const expiresAt = Date.parse(result.expiresAt);
  const tick = () => {
    const left = Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000));
    $('countdown').textContent =
      left === 0 ? 'expired' : `in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0) clearInterval(shown.countdown);
  };
  tick();
  shown.countdown = setInterval(tick, 1000);
  setStatus('active', { failedAttempts: 0, maxAttempts: undefined });
  shown.poll = setInterval(() => refreshStatus(result.id), POLL_MS);
  refreshStatus(result.id);
}

/** The wallet's view of a by-reference offer (public GET, repeatable until expiry). @param {string} reference */
async function showReferencedOffer(reference) {
  try {
    const response = await fetch(reference, { cache: 'no-store' });
    if (response.ok) {
      $('offer-json').textContent = JSON.stringify(
        { credential_offer_uri: reference, fetched: await response.json() },
        null,
        2,
      );
    }
  } catch {
    // Another origin (OFFERKIT_ISSUER differs from this page's) is blocked by the page's CSP: keep the reference.
  }
}

/** @param {string} status @param {{ failedAttempts?: number, maxAttempts?: number }} detail */
function setStatus(status, detail) {
  const element = $('status');
  element.dataset.status = status;
  const attempts =
    detail.maxAttempts === undefined ? '' : ` (${detail.failedAttempts}/${detail.maxAttempts} wrong codes)`;
  element.textContent = `${status}${attempts}`;
  const finished = status !== 'active';
  $('offer').classList.toggle('finished', finished);
  $('delete').disabled = status === 'revoked' || status === 'expired';
}

/** @param {string} id */
async function refreshStatus(id) {
  try {
    const status = await callApi('GET', new URL(`${api.preAuthorized}/${encodeURIComponent(id)}`));
    if (shown.id !== id) return;
    setStatus(status.status, status);
    if (status.status !== 'active') {
      clearInterval(shown.poll);
      if (status.status !== 'expired') clearInterval(shown.countdown);
    }
  } catch (error) {
    if (shown.id === id) {
      clearInterval(shown.poll);
      showError(error);
    }
  }
}

$('token').value = token;
showTokenState();

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  token = $('token').value.trim();
  if (token === '') sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
  clearError();
  showTokenState();
});

$('token-forget').addEventListener('click', () => {
  token = '';
  $('token').value = '';
  sessionStorage.removeItem(TOKEN_KEY);
  showTokenState();
});

$('tx-enabled').addEventListener('change', () => {
  for (const id of ['tx-length', 'tx-mode', 'tx-description']) $(id).disabled = !$('tx-enabled').checked;
});

$('pre-auth-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const button = $('pre-auth-create');
  button.disabled = true;
  try {
    const body = { credentials: [$('pre-auth-credential').value] };
    if ($('tx-enabled').checked) {
      body.transactionCodeConfiguration = {
        inputMode: $('tx-mode').value,
        length: Number($('tx-length').value),
      };
      const description = $('tx-description').value.trim();
      if (description !== '') body.transactionCodeConfiguration.description = description;
    }
    body.expiresIn = { seconds: Number($('expiry').value) };
    const claims = parseJsonObject($('claims').value, 'Claims');
    if (claims !== undefined) body.claims = claims;
    const byReference = document.querySelector('input[name="delivery"]:checked')?.value === 'reference';
    await showOffer(
      await callApi('POST', byReference ? api.preAuthorizedByReference : api.preAuthorized, body),
    );
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
});

$('auth-code-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const button = $('auth-code-create');
  button.disabled = true;
  try {
    const body = { credentials: [$('auth-code-credential').value] };
    const requestParameters = parseJsonObject($('request-parameters').value, 'Request parameters');
    if (requestParameters !== undefined) body.request_parameters = requestParameters;
    await showOffer(await callApi('POST', api.offers, body));
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
});

$('delete').addEventListener('click', async () => {
  const id = shown.id;
  if (id === '') return;
  clearError();
  $('delete').disabled = true;
  try {
    await callApi('DELETE', new URL(`${api.preAuthorized}/${encodeURIComponent(id)}`));
    clearInterval(shown.poll);
    clearInterval(shown.countdown);
    await refreshStatus(id);
  } catch (error) {
    showError(error);
    $('delete').disabled = false;
  }
});
