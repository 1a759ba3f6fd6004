import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createOpenApiDocument, type OpenApiObject } from '../src/openapi/index.js';
import { AuthorizationCodeOfferInputSchema } from '../src/schemas/authorization-code-offer-input-schema.js';
import { createPreAuthorizedOfferInputSchema } from '../src/schemas/pre-authorized-offer-input-schema.js';
import { createDocumentAjv, findResponse } from './openapi-support.js';

const DEFAULT_LIMITS = { txCodeMinLength: 6, txCodeMaxLength: 10, maxExpirySeconds: 600 };

/** Every (method, path, status) the HTTP handler answers (DESIGN §6 and createOfferKitHttpHandler). */
export const DOCUMENTED_STATUSES: [string, string, number[]][] = [
  ['POST', '/v1/openid/offers', [201, 400, 401, 413, 415, 500, 503]],
  ['POST', '/v1/openid/offers/pre-authorized', [201, 400, 401, 404, 413, 415, 500, 503]],
  ['GET', '/v1/openid/offers/pre-authorized/{id}', [200, 400, 401, 404, 500, 503]],
  ['DELETE', '/v1/openid/offers/pre-authorized/{id}', [204, 400, 401, 404, 500, 503]],
  ['GET', '/credential-offer/{ref}', [200, 404, 500, 503]],
  ['POST', '/token', [200, 400, 413, 500, 503]],
  ['GET', '/v1/openid/offers', [405]],
  ['PUT', '/v1/openid/offers/pre-authorized', [405]],
  ['PATCH', '/v1/openid/offers/pre-authorized/{id}', [405]],
  ['POST', '/credential-offer/{ref}', [405]],
  ['GET', '/token', [405]],
];

function walkProperties(
  schema: OpenApiObject,
  path: string,
  visit: (path: string, node: OpenApiObject) => void,
) {
  const properties = schema.properties as Record<string, OpenApiObject> | undefined;
  for (const [name, node] of Object.entries(properties ?? {})) {
    visit(`${path}${name}`, node);
    walkProperties(node, `${path}${name}.`, visit);
  }
}

describe('createOpenApiDocument', () => {
  const document = createOpenApiDocument();

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('rejects a broken copy, so the validator is really checking', async () => {
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, unknown>> };
    (broken.paths['/token'] as Record<string, unknown>).post = { responses: 'none' };
    const result = await new Validator().validate(broken as Record<string, unknown>);
    expect(result.valid).toBe(false);
  });

  it.each(
    DOCUMENTED_STATUSES.flatMap(([method, path, statuses]) =>
      statuses.map((s) => [method, path, s] as const),
    ),
  )('documents %s %s → %i', (method, path, status) => {
    const found = findResponse(document, method, path, status);
    expect(found, `${method} ${path} ${status}`).toBeDefined();
    expect(typeof found?.response.description).toBe('string');
  });

  it('documents every operation with 405 for the other methods, and management with bearer auth', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        const operation = item[method] as OpenApiObject | undefined;
        expect(operation, `${method} ${path}`).toBeDefined();
        const responses = operation?.responses as OpenApiObject;
        const isNotAllowed = Object.keys(responses).join() === '405';
        const security = operation?.security as unknown[];
        if (!isNotAllowed && path.startsWith('/v1/')) expect(security).toEqual([{ bearerAuth: [] }]);
        else expect(security).toEqual([]);
      }
    }
    expect(document.components.securitySchemes).toMatchObject({
      bearerAuth: { type: 'http', scheme: 'bearer' },
    });
  });

  it('uses the MATTR envelope on management errors and RFC 6749 errors on public routes', () => {
    const ajv = createDocumentAjv(document);
    const envelope = { code: 'NotFound', message: 'Offer not found', details: [] };
    const detailed = {
      code: 'BadRequest',
      message: 'Invalid body',
      details: [{ value: 'x', msg: 'Must be a uuid', param: 'userId', location: 'body' }],
    };
    const oauth = { error: 'invalid_grant', error_description: 'The code is not valid' };
    const notFound = findResponse(document, 'GET', '/v1/openid/offers/pre-authorized/{id}', 404);
    const badRequest = findResponse(document, 'POST', '/v1/openid/offers/pre-authorized', 400);
    const tokenError = findResponse(document, 'POST', '/token', 400);
    expect(ajv.forResponse(notFound?.pointer ?? '')(envelope)).toBe(true);
    expect(ajv.forResponse(notFound?.pointer ?? '')({ ...envelope, code: 'BadRequest' })).toBe(false);
    expect(ajv.forResponse(badRequest?.pointer ?? '')(detailed)).toBe(true);
    expect(ajv.forResponse(badRequest?.pointer ?? '')(oauth)).toBe(false);
    expect(ajv.forResponse(tokenError?.pointer ?? '')(oauth)).toBe(true);
    expect(ajv.forResponse(tokenError?.pointer ?? '')(envelope)).toBe(false);
    expect(ajv.forResponse(tokenError?.pointer ?? '')({ error: 'server_error' })).toBe(false);
  });

  it('describes every request field, and the checks JSON Schema cannot express', () => {
    const schemas = document.components.schemas as Record<string, OpenApiObject>;
    for (const name of ['AuthorizationCodeOfferInput', 'PreAuthorizedOfferInput']) {
      const schema = schemas[name] as OpenApiObject;
      expect(schema.$schema).toBeUndefined();
      walkProperties(schema, '', (path, node) => {
        expect(typeof node.description === 'string' || typeof node.$ref === 'string', `${name}.${path}`).toBe(
          true,
        );
      });
    }
    const pre = schemas.PreAuthorizedOfferInput as { properties: Record<string, OpenApiObject> };
    expect(pre.properties.credentials).toMatchObject({ uniqueItems: true, minItems: 1, maxItems: 64 });
    expect(String(pre.properties.credentials?.description)).toContain('Must not contain duplicates');
    expect(String(pre.properties.expiresIn?.description)).toContain('at most 600 seconds');
    expect(String(pre.properties.claims?.description)).toContain('at most 16384 bytes');
    const tx = pre.properties.transactionCodeConfiguration as { properties: Record<string, OpenApiObject> };
    expect(JSON.stringify(tx.properties.description)).toContain('control characters');
    expect(JSON.stringify(tx.properties.description)).toContain('"maxLength":300');
  });

  it('states the issuer limits it is given', () => {
    const custom = createOpenApiDocument({
      limits: { txCodeMinLength: 4, txCodeMaxLength: 8, maxExpirySeconds: 60 },
    });
    const text = JSON.stringify(custom.components.schemas);
    expect(text).toContain('"minimum":4,"maximum":8');
    expect(text).toContain('at most 60 seconds');
  });

  it('agrees with the valibot schemas on what a body may look like', () => {
    const ajv = createDocumentAjv(document);
    const valibotPre = createPreAuthorizedOfferInputSchema(DEFAULT_LIMITS);
    const jsonPre = ajv.forComponent('PreAuthorizedOfferInput');
    const jsonAuth = ajv.forComponent('AuthorizationCodeOfferInput');
    const preBodies: unknown[] = [
      { credentials: ['org.iso.18013.5.1.mDL'] },
      {
        credentials: ['a', 'b'],
        userId: '2edaf985-fcc2-4448-9c8e-a04c6c7351c2',
        transactionCodeConfiguration: {
          inputMode: 'text',
          length: 8,
          description: 'Code from the e-mail 😀',
        },
        claims: { given_name: 'Zoë' },
        claimsToPersist: ['given_name'],
        expiresIn: { minutes: 2, seconds: 30 },
      },
      { credentials: [] },
      { credentials: ['a', 'a'] },
      { credentials: [''] },
      { credentials: ['a'], extra: 1 },
      { credentials: ['a'], userId: 'not-a-uuid' },
      { credentials: ['a'], transactionCodeConfiguration: { length: 5 } },
      { credentials: ['a'], transactionCodeConfiguration: { length: 11 } },
      { credentials: ['a'], transactionCodeConfiguration: { inputMode: 'alpha' } },
      { credentials: ['a'], transactionCodeConfiguration: { description: 'é'.repeat(300) } },
      { credentials: ['a'], transactionCodeConfiguration: { description: 'é'.repeat(301) } },
      { credentials: ['a'], transactionCodeConfiguration: { pin: true } },
      { credentials: ['a'], expiresIn: { minutes: 1.5 } },
      { credentials: ['a'], expiresIn: { seconds: -1 } },
      { credentials: ['a'], expiresIn: { hours: 1 } },
      { credentials: ['a'], claimsToPersist: ['x', 'x'] },
      { credentials: ['a'], claims: 'x' },
      ['a'],
      null,
    ];
    for (const body of preBodies) {
      expect(jsonPre(body), JSON.stringify(body)).toBe(v.safeParse(valibotPre, body).success);
    }
    const authBodies: unknown[] = [
      { credentials: ['UniversityDegree'] },
      { credentials: ['UniversityDegree'], request_parameters: { login_hint: 'x', prompt: 'login' } },
      { credentials: ['a', 'a'] },
      { credentials: ['a'], request_parameters: 'login' },
      { credentials: ['a'], userId: '2edaf985-fcc2-4448-9c8e-a04c6c7351c2' },
      {},
    ];
    for (const body of authBodies) {
      expect(jsonAuth(body), JSON.stringify(body)).toBe(
        v.safeParse(AuthorizationCodeOfferInputSchema, body).success,
      );
    }
  });

  it('follows the options', () => {
    const bare = createOpenApiDocument({
      includeTokenRoute: false,
      serverUrl: 'https://issuer.example.com/api',
    });
    expect(bare.paths['/token']).toBeUndefined();
    expect(bare.servers).toEqual([{ url: 'https://issuer.example.com/api' }]);
    expect(document.servers).toBeUndefined();
    expect(createOpenApiDocument()).toEqual(document);
    expect(createOpenApiDocument()).not.toBe(document);
  });

  it('carries the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(document.info.version).toBe(pkg.version);
  });

  it('is what docs/openapi.json holds (run the core build to regenerate it)', () => {
    const committed = readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });
});
