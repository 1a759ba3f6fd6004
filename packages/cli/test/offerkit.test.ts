import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createOfferKitRouter } from '@offerkit/adapter-express';
import {
  createOfferIssuer,
  decodeCredentialOfferUri,
  encodeCredentialOfferUri,
  encodeCredentialOfferUriByReference,
} from '@offerkit/core';
import { createMemoryStores } from '@offerkit/store-memory';
import express from 'express';
import jsqrModule from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTerminalQr } from './read-terminal-qr.js';
import { runOfferkit } from './run-offerkit.js';

// jsqr is CommonJS: depending on the loader its function is the default export or its `default` member.
type DecodeQr = typeof jsqrModule.default;
const jsQR = ((jsqrModule as unknown as { default?: DecodeQr }).default ?? jsqrModule) as DecodeQr;

const TOKEN = 'cli-test-management-token-0123456789abcdef';
const MDL = 'org.iso.18013.5.1.mDL';
const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const ISSUER = 'https://issuer.example.com';

interface Report {
  delivery: string;
  offer?: Record<string, unknown>;
  match?: { profile: string; grants: string; summary: string };
  problems: string[];
}

async function decodeJson(uri: string, ...flags: string[]): Promise<{ code: number; report: Report }> {
  const run = await runOfferkit(['decode', uri, '--json', ...flags]);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const offerUri = (offer: Record<string, unknown>) =>
  encodeCredentialOfferUri(offer as never, { scheme: 'openid-credential-offer://' });

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

beforeAll(async () => {
  // The tests run the built bin: build it from the current source first.
  const tsup = fileURLToPath(new URL('../../../node_modules/.bin/tsup', import.meta.url));
  await promisify(execFile)(tsup, [], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
}, 60_000);

describe('offerkit --help, --version and usage errors', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const run = await runOfferkit(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('prints the usage', async () => {
    const run = await runOfferkit(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['decode <uri>', 'qr <uri>', 'create --url']) expect(run.stdout).toContain(command);
  });

  it.each([
    [[], 'missing command'],
    [['frobnicate'], 'unknown command'],
    [['decode'], 'decode needs exactly one <uri>'],
    [['decode', 'a', 'b'], 'decode needs exactly one <uri>'],
    [['decode', 'x', '--bogus'], "Unknown option '--bogus'"],
    [['qr', 'x', '--fetch'], 'qr does not take --fetch'],
    [
      ['create', '--url', 'http://127.0.0.1:1', '--token', 't', '--credential', 'a', '--tx-code'],
      '--tx-code need --pre-authorized',
    ],
    [['create', '--url', 'ftp://x', '--token', 't', '--credential', 'a'], 'is not an http(s) URL'],
    [['create', '--url', 'http://127.0.0.1:1', '--credential', 'a'], 'needs --token'],
    [['create', '--url', 'http://127.0.0.1:1', '--token', 't'], 'at least one --credential'],
    [
      [
        'create',
        '--url',
        'http://127.0.0.1:1',
        '--token',
        't',
        '--credential',
        'a',
        '--pre-authorized',
        '--expires-in',
        '1.5',
      ],
      '--expires-in must be a whole number',
    ],
  ])('rejects %j with exit status 2', async (args, message) => {
    const run = await runOfferkit(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: offerkit');
    expect(run.stdout).toBe('');
  });
});

describe('offerkit decode', () => {
  const preAuthorized = {
    credential_issuer: ISSUER,
    credential_configuration_ids: [MDL],
    grants: {
      [GRANT]: {
        'pre-authorized_code': 'oaKazRN8I0IbtZ0C7JuMn5',
        tx_code: { length: 6, input_mode: 'numeric', description: 'Please provide the one-time code' },
      },
    },
  };

  it('prints a clean 1.0 offer, its profile and no problems', async () => {
    const uri = offerUri(preAuthorized);
    const text = await runOfferkit(['decode', uri]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Profile:  OpenID4VCI 1.0 (credential_configuration_ids); pre-authorized code offer',
    );
    expect(text.stdout).toContain('"pre-authorized_code": "oaKazRN8I0IbtZ0C7JuMn5"');
    expect(text.stdout).toContain('No problems found.');
    const { code, report } = await decodeJson(uri);
    expect(code).toBe(0);
    expect(report).toEqual({
      delivery: 'value',
      scheme: 'openid-credential-offer://',
      offer: preAuthorized,
      match: expect.objectContaining({ profile: '1.0', grants: 'pre-authorized_code' }),
      problems: [],
    });
  });

  it('recognises the dual MATTR auth-code offer without grants, and draft-11', async () => {
    const dual = await decodeJson(
      offerUri({
        credential_issuer: ISSUER,
        credentials: ['x'],
        credential_configuration_ids: ['x'],
        request_parameters: { login_hint: 'a' },
      }),
    );
    expect(dual.code).toBe(0);
    expect(dual.report.match).toMatchObject({ profile: 'dual', grants: 'none' });
    expect(dual.report.match?.summary).toContain('authorization code offer without grants');
    const draft11 = await decodeJson(
      offerUri({
        credential_issuer: ISSUER,
        credentials: ['x'],
        grants: { [GRANT]: { 'pre-authorized_code': 'c', user_pin_required: true } },
      }),
    );
    expect(draft11).toMatchObject({ code: 0, report: { match: { profile: 'draft-11' }, problems: [] } });
  });

  it.each([
    ['a missing credential_issuer', { credential_configuration_ids: ['a'] }, 'credential_issuer is missing'],
    [
      'a non-https issuer',
      { credential_issuer: 'http://issuer.example.com', credential_configuration_ids: ['a'] },
      'is not https',
    ],
    [
      'an issuer with a query',
      { credential_issuer: `${ISSUER}?x=1`, credential_configuration_ids: ['a'] },
      'query or fragment',
    ],
    ['no id list', { credential_issuer: ISSUER }, 'neither credential_configuration_ids'],
    [
      'empty ids',
      { credential_issuer: ISSUER, credential_configuration_ids: [] },
      'credential_configuration_ids is empty',
    ],
    ['an empty id', { credential_issuer: ISSUER, credential_configuration_ids: [''] }, 'is an empty id'],
    [
      'duplicate ids',
      { credential_issuer: ISSUER, credential_configuration_ids: ['a', 'b', 'a'] },
      'lists "a" more than once',
    ],
    [
      'disagreeing dual lists',
      { credential_issuer: ISSUER, credentials: ['a'], credential_configuration_ids: ['b'] },
      'credentials and credential_configuration_ids disagree',
    ],
    [
      'a tx_code description over 300 characters',
      {
        credential_issuer: ISSUER,
        credential_configuration_ids: ['a'],
        grants: { [GRANT]: { 'pre-authorized_code': 'c', tx_code: { description: 'é'.repeat(301) } } },
      },
      'tx_code.description has 301 characters (at most 300)',
    ],
    [
      'an empty pre-authorized code',
      {
        credential_issuer: ISSUER,
        credential_configuration_ids: ['a'],
        grants: { [GRANT]: { 'pre-authorized_code': '' } },
      },
      'pre-authorized_code is missing or empty',
    ],
    [
      'a bad input_mode',
      {
        credential_issuer: ISSUER,
        credential_configuration_ids: ['a'],
        grants: { [GRANT]: { 'pre-authorized_code': 'c', tx_code: { input_mode: 'alpha' } } },
      },
      'tx_code.input_mode "alpha"',
    ],
  ])('reports %s and exits 1', async (_name, offer, problem) => {
    const { code, report } = await decodeJson(offerUri(offer));
    expect(code).toBe(1);
    expect(
      report.problems.some((p) => p.includes(problem)),
      report.problems.join('\n'),
    ).toBe(true);
  });

  it('exactly 300 characters is fine', async () => {
    const offer = {
      credential_issuer: ISSUER,
      credential_configuration_ids: ['a'],
      grants: { [GRANT]: { 'pre-authorized_code': 'c', tx_code: { description: 'é'.repeat(300) } } },
    };
    expect((await decodeJson(offerUri(offer))).report.problems).toEqual([]);
  });

  it('spots URLSearchParams encoding (+ for spaces)', async () => {
    const offer = { ...preAuthorized };
    const uri = `openid-credential-offer://?${new URLSearchParams({ credential_offer: JSON.stringify(offer) })}`;
    const { code, report } = await decodeJson(uri);
    expect(code).toBe(1);
    expect(report.problems[0]).toContain("contains '+'");
    expect(report.problems[0]).toContain('URLSearchParams');
    // A wallet decoding per spec sees the pluses: exactly what the warning is about.
    expect(JSON.stringify(report.offer)).toContain('Please+provide+the+one-time+code');
  });

  it('explains a URI that is not a credential offer', async () => {
    const run = await runOfferkit(['decode', 'https://example.com/']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Not a credential offer URI');
  });

  it('shows a by-reference URI without fetching unless asked', async () => {
    const uri = encodeCredentialOfferUriByReference(`${ISSUER}/credential-offer/abc`, {
      scheme: 'haip-vci://',
    });
    const { code, report } = await decodeJson(uri);
    expect(code).toBe(0);
    expect(report).toMatchObject({
      delivery: 'reference',
      credentialOfferUri: `${ISSUER}/credential-offer/abc`,
    });
    expect(report.offer).toBeUndefined();
    const text = await runOfferkit(['decode', uri]);
    expect(text.stdout).toContain('use --fetch');
  });
});

describe('offerkit qr', () => {
  it('draws a QR code that decodes back to the URI', async () => {
    const uri = offerUri({
      credential_issuer: ISSUER,
      credential_configuration_ids: [MDL],
      grants: { [GRANT]: { 'pre-authorized_code': 'Zoë 100% +&=' } },
    });
    const run = await runOfferkit(['qr', uri]);
    expect(run.code).toBe(0);
    const image = readTerminalQr(run.stdout);
    expect(jsQR(image.data, image.width, image.height)?.data).toBe(uri);
    const other = await runOfferkit(['qr', `${uri}x`]);
    const otherImage = readTerminalQr(other.stdout);
    expect(jsQR(otherImage.data, otherImage.width, otherImage.height)?.data).toBe(`${uri}x`);
  });
});

describe('offerkit create and decode --fetch against a running issuer (Express adapter, memory store)', () => {
  let base = '';
  let server: Server;
  let stalled: Server;
  let stalledBase = '';

  beforeAll(async () => {
    const app = express();
    server = createServer(app);
    base = await listen(server);
    const stores = createMemoryStores();
    const issuer = createOfferIssuer({
      credentialIssuer: ISSUER,
      credentialConfigurations: { [MDL]: { format: 'mso_mdoc' }, UniversityDegree: { format: 'dc+sd-jwt' } },
      offerStore: stores.offerStore,
      userStore: stores.userStore,
      delivery: 'reference',
      publicBaseUrl: base,
    });
    app.use(createOfferKitRouter(issuer, { auth: { tokens: [TOKEN] } }));
    stalled = createServer(() => {
      // Never answers: the CLI's fetch timeout has to end the wait.
    });
    stalledBase = await listen(stalled);
  });

  afterAll(async () => {
    server.closeAllConnections();
    stalled.closeAllConnections();
    await Promise.all([
      new Promise((resolve) => server.close(resolve)),
      new Promise((resolve) => stalled.close(resolve)),
    ]);
  });

  it('creates an authorization-code offer and prints the response', async () => {
    const run = await runOfferkit([
      'create',
      '--url',
      base,
      '--token',
      TOKEN,
      '--credential',
      'UniversityDegree',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { uri: string };
    const decoded = decodeCredentialOfferUri(body.uri);
    expect(decoded).toMatchObject({
      kind: 'value',
      offer: { credential_issuer: ISSUER, credential_configuration_ids: ['UniversityDegree'] },
    });
  });

  it('creates a pre-authorized offer with a tx code and expiry, then decode --fetch resolves it', async () => {
    const before = Date.now();
    const run = await runOfferkit(
      [
        'create',
        '--url',
        `${base}/`,
        '--pre-authorized',
        '--credential',
        MDL,
        '--tx-code',
        '--tx-code-length',
        '8',
        '--expires-in',
        '120',
      ],
      { OFFERKIT_TOKEN: TOKEN },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as {
      id: string;
      uri: string;
      expiresAt: string;
      transactionCode: string;
    };
    expect(body.transactionCode).toMatch(/^\d{8}$/);
    const expiresAt = Date.parse(body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 119_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 121_000);
    expect(body.uri).toContain('credential_offer_uri=');

    const { code, report } = await decodeJson(body.uri, '--fetch');
    expect(report.delivery).toBe('reference');
    expect(report.match).toMatchObject({ profile: '1.0', grants: 'pre-authorized_code' });
    expect(report.offer).toMatchObject({
      credential_issuer: ISSUER,
      credential_configuration_ids: [MDL],
      grants: { [GRANT]: { tx_code: { length: 8, input_mode: 'numeric' } } },
    });
    // The test issuer runs on plain http on loopback; that is the only problem.
    expect(report.problems).toEqual([
      'credential_offer_uri is not https (only acceptable for local testing)',
    ]);
    expect(code).toBe(1);
  });

  it('reports a by-reference offer the issuer does not know', async () => {
    const uri = encodeCredentialOfferUriByReference(`${base}/credential-offer/${'A'.repeat(43)}`, {
      scheme: 'openid-credential-offer://',
    });
    const { code, report } = await decodeJson(uri, '--fetch');
    expect(code).toBe(1);
    expect(report.problems.some((p) => p.includes('answered HTTP 404'))).toBe(true);
    expect(report.offer).toBeUndefined();
  });

  it('gives up on a by-reference server that never answers after 5 s', async () => {
    const uri = encodeCredentialOfferUriByReference(`${stalledBase}/credential-offer/x`, {
      scheme: 'openid-credential-offer://',
    });
    const started = Date.now();
    const { code, report } = await decodeJson(uri, '--fetch');
    const elapsed = Date.now() - started;
    expect(code).toBe(1);
    expect(report.problems.some((p) => p.includes('timed out after 5 s'))).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(4900);
    expect(elapsed).toBeLessThan(15_000);
  }, 20_000);

  it('exits 1 and prints the MATTR envelope on a wrong token', async () => {
    const run = await runOfferkit([
      'create',
      '--url',
      base,
      '--token',
      `${TOKEN}x`,
      '--credential',
      'UniversityDegree',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('answered HTTP 401');
    const envelope = JSON.parse(run.stderr.slice(run.stderr.indexOf('{'))) as Record<string, unknown>;
    expect(envelope).toEqual({ code: 'Unauthorized', message: expect.any(String), details: [] });
  });

  it('exits 1 and prints the envelope with details on an unknown configuration', async () => {
    const run = await runOfferkit([
      'create',
      '--url',
      base,
      '--token',
      TOKEN,
      '--pre-authorized',
      '--credential',
      'nope',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('answered HTTP 400');
    const envelope = JSON.parse(run.stderr.slice(run.stderr.indexOf('{'))) as {
      code: string;
      details: unknown[];
    };
    expect(envelope.code).toBe('BadRequest');
    expect(envelope.details.length).toBeGreaterThan(0);
  });

  it('exits 1 when nothing listens', async () => {
    const closed = createServer();
    const closedBase = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const run = await runOfferkit(['create', '--url', closedBase, '--token', TOKEN, '--credential', 'a']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ECONNREFUSED');
  });
});
