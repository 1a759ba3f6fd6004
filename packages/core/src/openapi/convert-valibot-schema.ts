import { type JsonSchema, toJsonSchema } from '@valibot/to-json-schema';
import type { BaseIssue, BaseSchema } from 'valibot';
import type { OpenApiJson, OpenApiObject } from './open-api-document.js';

type AnySchema = BaseSchema<unknown, unknown, BaseIssue<unknown>>;

const DUPLICATES_MESSAGE = 'Must not contain duplicates';

/**
 * Converts a valibot request schema to a JSON Schema 2020-12 object for an OpenAPI 3.1 document. What JSON Schema
 * cannot express (`v.check`, `v.custom`) is kept as text in `description`, so the document never claims less
 * than the server checks; `maxCodePoints` becomes `maxLength` (JSON Schema counts code points) and the
 * duplicates check on arrays becomes `uniqueItems`. `descriptions` adds field documentation by dotted path.
 */
export function convertValibotSchema(
  schema: AnySchema,
  descriptions: Record<string, string> = {},
): OpenApiObject {
  const converted = toJsonSchema(schema, {
    target: 'draft-2020-12',
    // Every unconvertible action is handled below; 'ignore' keeps an unforeseen one from breaking the build.
    errorMode: 'ignore',
    overrideAction({ valibotAction, jsonSchema, errors }) {
      if (errors === undefined) return undefined;
      const action = valibotAction as { type: string; message?: unknown; requirement?: unknown };
      if (action.type === 'max_code_points' && typeof action.requirement === 'number') {
        return { ...jsonSchema, maxLength: action.requirement };
      }
      const message = describeRule(action.type, action.message);
      const next: JsonSchema = {
        ...jsonSchema,
        description: appendSentence(jsonSchema.description, message),
      };
      if (message === DUPLICATES_MESSAGE && jsonSchema.type === 'array') next.uniqueItems = true;
      return next;
    },
    overrideSchema({ valibotSchema, jsonSchema, errors }) {
      if (errors === undefined) return undefined;
      const custom = valibotSchema as { message?: unknown; check?: unknown };
      const rule = describeRule(valibotSchema.type, custom.message);
      const next: JsonSchema = { ...jsonSchema, description: appendSentence(jsonSchema.description, rule) };
      const types =
        typeof custom.check === 'function' ? probeJsonTypes(custom.check as (input: unknown) => unknown) : [];
      if (types.length === 1) next.type = types[0];
      else if (types.length > 1) next.type = types;
      return next;
    },
  });
  const result = toOpenApiObject(converted);
  delete result.$schema;
  for (const [path, text] of Object.entries(descriptions)) describeAt(result, path.split('.'), text);
  return result;
}

const TYPE_SAMPLES = [
  ['object', {}],
  ['array', []],
  ['string', ''],
  ['number', 0],
  ['boolean', false],
  ['null', null],
] as const;

/**
 * The JSON types a `v.custom` predicate accepts, found by trying one sample of each, so e.g. a plain-object check
 * still documents `type: object`. Empty when it accepts every type or none (nothing worth stating).
 */
function probeJsonTypes(check: (input: unknown) => unknown): (typeof TYPE_SAMPLES)[number][0][] {
  const accepted = TYPE_SAMPLES.filter(([, sample]) => {
    try {
      return check(sample) === true;
    } catch {
      return false;
    }
  }).map(([type]) => type);
  return accepted.length === TYPE_SAMPLES.length ? [] : accepted;
}

function describeRule(type: string, message: unknown): string {
  return typeof message === 'string' && message !== '' ? message : `Checked by the server (${type})`;
}

function appendSentence(existing: string | undefined, sentence: string): string {
  const text = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  return existing === undefined || existing === '' ? text : `${existing} ${text}`;
}

function describeAt(schema: OpenApiObject, path: string[], text: string): void {
  let node: OpenApiJson | undefined = schema;
  for (const key of path) {
    node = isObject(node) && isObject(node.properties) ? node.properties[key] : undefined;
  }
  if (!isObject(node)) throw new Error(`No property ${path.join('.')} to describe`);
  const rule = typeof node.description === 'string' ? node.description : '';
  node.description = rule === '' ? text : `${text} ${rule}`;
}

function isObject(value: OpenApiJson | undefined): value is OpenApiObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toOpenApiObject(schema: JsonSchema): OpenApiObject {
  return JSON.parse(JSON.stringify(schema)) as OpenApiObject;
}
