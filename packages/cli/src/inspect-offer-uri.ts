import { decodeCredentialOfferUri, isOfferKitError } from '@offerkit/core';
import { detectOfferProfile, type OfferProfileMatch } from './detect-offer-profile.js';
import { lintCredentialOffer } from './lint-credential-offer.js';

const FETCH_TIMEOUT_MS = 5000;

/** What `offerkit decode` found in an offer URI. */
export interface OfferUriReport {
  delivery: 'value' | 'reference' | 'unknown';
  scheme?: string;
  credentialOfferUri?: string;
  offer?: unknown;
  match?: OfferProfileMatch;
  problems: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The raw (still percent-encoded) value of one query parameter, without `+` folding. */
function rawParameter(uri: string, name: string): string | undefined {
  const query = uri.slice(uri.indexOf('?') + 1).split('#')[0] ?? '';
  for (const pair of query.split('&')) {
    const [key, ...rest] = pair.split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Reads the offer even where the strict decoder gave up, so its other problems can still be listed. */
function parseLeniently(encoded: string, problems: string[]): unknown {
  let text: string;
  try {
    text = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(decodeURIComponent(encoded.replaceAll('+', '%20')));
    } catch {
      problems.push('credential_offer is not JSON');
      return undefined;
    }
  }
}

async function fetchOffer(url: string, problems: string[]): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? 'timed out after 5 s' : String(error);
    problems.push(`fetching ${url} failed: ${reason}`);
    return undefined;
  }
  const text = await response.text();
  if (response.status !== 200) {
    problems.push(`fetching ${url} answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    return undefined;
  }
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    problems.push(`the offer was served as ${JSON.stringify(type)}; OpenID4VCI requires application/json`);
  }
  if (!/no-store/i.test(response.headers.get('cache-control') ?? '')) {
    problems.push('the offer response lacks Cache-Control: no-store');
  }
  try {
    return JSON.parse(text);
  } catch {
    problems.push('the fetched offer is not JSON');
    return undefined;
  }
}

/**
 * Decodes an offer URI with `decodeCredentialOfferUri` (strict), falls back to a lenient parse to keep listing
 * problems when the strict decoder rejects it, optionally fetches a by-reference offer, then lints the offer.
 */
export async function inspectOfferUri(uri: string, options: { fetch: boolean }): Promise<OfferUriReport> {
  const problems: string[] = [];
  const report: OfferUriReport = { delivery: 'unknown', problems };
  const encoded = rawParameter(uri, 'credential_offer');
  if (encoded?.includes('+')) {
    problems.push(
      "the encoded credential_offer contains '+': it looks encoded with URLSearchParams (spaces as +); wallets " +
        'decoding with decodeURIComponent read a literal + (use encodeURIComponent, spaces as %20)',
    );
  }
  let offer: unknown;
  try {
    const decoded = decodeCredentialOfferUri(uri);
    report.scheme = decoded.scheme;
    if (decoded.kind === 'reference') {
      report.delivery = 'reference';
      report.credentialOfferUri = decoded.credentialOfferUri;
      if (!decoded.credentialOfferUri.startsWith('https://')) {
        problems.push('credential_offer_uri is not https (only acceptable for local testing)');
      }
      if (!options.fetch) return report;
      offer = await fetchOffer(decoded.credentialOfferUri, problems);
    } else {
      report.delivery = 'value';
      offer = decoded.offer;
    }
  } catch (error) {
    if (!isOfferKitError(error)) throw error;
    problems.push(error.message);
    if (encoded === undefined) return report;
    report.delivery = 'value';
    report.scheme = uri.slice(0, uri.indexOf('?'));
    offer = parseLeniently(encoded, problems);
  }
  if (offer === undefined) return report;
  report.offer = offer;
  if (!isObject(offer)) {
    problems.push('the credential offer must be a JSON object');
    return report;
  }
  report.match = detectOfferProfile(offer);
  problems.push(...lintCredentialOffer(offer));
  return report;
}
