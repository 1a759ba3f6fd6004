import { UsageError } from './usage-error.js';

/** The options of `offerkit create`, as parsed from the command line. */
export interface CreateOptions {
  url: string;
  token: string;
  credentials: string[];
  preAuthorized: boolean;
  txCode: boolean;
  txCodeLength?: number;
  txCodeMode?: 'numeric' | 'text';
  expiresInSeconds?: number;
  userId?: string;
}

function wholeNumber(name: string, text: string): number {
  if (!/^\d+$/.test(text))
    throw new UsageError(`${name} must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Validates the `create` flags and builds the options; throws `UsageError` on a wrong combination. */
export function readCreateOptions(
  values: Record<string, string | boolean | string[] | undefined>,
): CreateOptions {
  const url = values.url;
  if (typeof url !== 'string' || url === '') throw new UsageError('create needs --url <issuer base URL>');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
  } catch {
    throw new UsageError(`--url ${JSON.stringify(url)} is not an http(s) URL`);
  }
  const token = typeof values.token === 'string' ? values.token : process.env.OFFERKIT_TOKEN;
  if (token === undefined || token === '')
    throw new UsageError('create needs --token <token> or OFFERKIT_TOKEN');
  const credentials = Array.isArray(values.credential) ? values.credential : [];
  if (credentials.length === 0) throw new UsageError('create needs at least one --credential <id>');
  const preAuthorized = values['pre-authorized'] === true;
  const options: CreateOptions = {
    url,
    token,
    credentials,
    preAuthorized,
    txCode: values['tx-code'] === true,
  };
  const length = values['tx-code-length'];
  const mode = values['tx-code-mode'];
  if (typeof length === 'string') options.txCodeLength = wholeNumber('--tx-code-length', length);
  if (typeof mode === 'string') {
    if (mode !== 'numeric' && mode !== 'text') throw new UsageError('--tx-code-mode must be numeric or text');
    options.txCodeMode = mode;
  }
  if ((options.txCodeLength !== undefined || options.txCodeMode !== undefined) && !options.txCode)
    options.txCode = true;
  const expires = values['expires-in'];
  if (typeof expires === 'string') options.expiresInSeconds = wholeNumber('--expires-in', expires);
  if (typeof values['user-id'] === 'string') options.userId = values['user-id'];
  if (!preAuthorized) {
    const preOnly = ['tx-code', 'tx-code-length', 'tx-code-mode', 'expires-in', 'user-id'].filter(
      (name) => values[name] !== undefined,
    );
    if (preOnly.length > 0) {
      throw new UsageError(`${preOnly.map((n) => `--${n}`).join(', ')} need --pre-authorized`);
    }
  }
  return options;
}

/** The management route and JSON body for these options (MATTR field names). */
export function buildCreateRequest(options: CreateOptions): { url: string; body: Record<string, unknown> } {
  const base = options.url.replace(/\/+$/, '');
  if (!options.preAuthorized) {
    return { url: `${base}/v1/openid/offers`, body: { credentials: options.credentials } };
  }
  const body: Record<string, unknown> = { credentials: options.credentials };
  if (options.userId !== undefined) body.userId = options.userId;
  if (options.txCode) {
    const configuration: Record<string, unknown> = {};
    if (options.txCodeMode !== undefined) configuration.inputMode = options.txCodeMode;
    if (options.txCodeLength !== undefined) configuration.length = options.txCodeLength;
    body.transactionCodeConfiguration = configuration;
  }
  if (options.expiresInSeconds !== undefined) body.expiresIn = { seconds: options.expiresInSeconds };
  return { url: `${base}/v1/openid/offers/pre-authorized`, body };
}
