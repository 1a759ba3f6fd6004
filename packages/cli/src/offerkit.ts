import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { buildCreateRequest, readCreateOptions } from './create-offer-request.js';
import { inspectOfferUri, type OfferUriReport } from './inspect-offer-uri.js';
import { UsageError } from './usage-error.js';
import { USAGE_TEXT } from './usage-text.js';

const HTTP_TIMEOUT_MS = 10_000;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  fetch: { type: 'boolean' },
  json: { type: 'boolean' },
  qr: { type: 'boolean' },
  url: { type: 'string' },
  token: { type: 'string' },
  credential: { type: 'string', multiple: true },
  'pre-authorized': { type: 'boolean' },
  'tx-code': { type: 'boolean' },
  'tx-code-length': { type: 'string' },
  'tx-code-mode': { type: 'string' },
  'expires-in': { type: 'string' },
  'user-id': { type: 'string' },
} as const;

const COMMAND_OPTIONS: Record<string, string[]> = {
  decode: ['fetch', 'json'],
  qr: [],
  create: [
    'url',
    'token',
    'credential',
    'pre-authorized',
    'tx-code',
    'tx-code-length',
    'tx-code-mode',
    'expires-in',
    'user-id',
    'qr',
  ],
};

function readVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function err(text: string): void {
  process.stderr.write(`${text}\n`);
}

function printReport(report: OfferUriReport): void {
  out(
    `Delivery: ${report.delivery === 'value' ? 'by value (credential_offer)' : report.delivery === 'reference' ? 'by reference (credential_offer_uri)' : 'unknown'}`,
  );
  if (report.scheme !== undefined) out(`Scheme:   ${report.scheme}`);
  if (report.credentialOfferUri !== undefined) out(`Offer at: ${report.credentialOfferUri}`);
  if (report.match !== undefined) out(`Profile:  ${report.match.summary}`);
  if (report.offer !== undefined) out(`\n${JSON.stringify(report.offer, null, 2)}`);
  else if (report.delivery === 'reference') out('\n(use --fetch to resolve and check the offer)');
  if (report.problems.length === 0) {
    out('\nNo problems found.');
  } else {
    out(`\nProblems (${report.problems.length}):`);
    for (const problem of report.problems) out(`  - ${problem}`);
  }
}

async function runDecode(uri: string, values: Record<string, unknown>): Promise<number> {
  const report = await inspectOfferUri(uri, { fetch: values.fetch === true });
  if (values.json === true) out(JSON.stringify(report, null, 2));
  else printReport(report);
  return report.problems.length === 0 ? 0 : 1;
}

async function runQr(uri: string): Promise<number> {
  out(await QRCode.toString(uri, { type: 'terminal', small: true }));
  return 0;
}

async function runCreate(values: Record<string, string | boolean | string[] | undefined>): Promise<number> {
  const options = readCreateOptions(values);
  const request = buildCreateRequest(options);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (error) {
    err(
      `POST ${request.url} failed: ${error instanceof Error ? (error.cause ?? error.message) : String(error)}`,
    );
    return 1;
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy error page, say): shown as text below.
  }
  const shown = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  if (!response.ok) {
    err(`POST ${request.url} answered HTTP ${response.status}`);
    err(shown);
    return 1;
  }
  out(shown);
  const uri = (body as { uri?: unknown }).uri;
  if (values.qr === true && typeof uri === 'string')
    out(await QRCode.toString(uri, { type: 'terminal', small: true }));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    out(USAGE_TEXT);
    return 0;
  }
  if (values.version === true) {
    out(readVersion());
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  const allowed = COMMAND_OPTIONS[command];
  if (allowed === undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const stray = Object.keys(values).filter((name) => !allowed.includes(name));
  if (stray.length > 0)
    throw new UsageError(`${command} does not take ${stray.map((n) => `--${n}`).join(', ')}`);
  if (command === 'create') {
    if (rest.length > 0) throw new UsageError('create takes no positional arguments');
    return runCreate(values);
  }
  if (rest.length !== 1 || rest[0] === undefined || rest[0] === '') {
    throw new UsageError(`${command} needs exactly one <uri>`);
  }
  return command === 'decode' ? runDecode(rest[0], values) : runQr(rest[0]);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      err(`offerkit: ${error.message}\n`);
      err(USAGE_TEXT);
      process.exitCode = 2;
      return;
    }
    err(`offerkit: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
