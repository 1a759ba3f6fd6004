import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument, OpenApiObject } from '../src/openapi/index.js';

const DOC_ID = 'https://offerkit.test/openapi.json';
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Escapes one JSON Pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The response object documented for (method, path, status), with a component `$ref` followed; or undefined. */
export function findResponse(
  document: OpenApiDocument,
  method: string,
  path: string,
  status: number,
): { pointer: string; response: OpenApiObject } | undefined {
  const operation = document.paths[path]?.[method.toLowerCase()] as OpenApiObject | undefined;
  const responses = operation?.responses as Record<string, OpenApiObject> | undefined;
  let response = responses?.[String(status)];
  let pointer = `#/paths/${pointerSegment(path)}/${method.toLowerCase()}/responses/${status}`;
  if (response === undefined) return undefined;
  if (typeof response.$ref === 'string') {
    pointer = response.$ref;
    const name = response.$ref.replace('#/components/responses/', '');
    response = (document.components.responses as Record<string, OpenApiObject>)[name];
    if (response === undefined) throw new Error(`dangling ${pointer}`);
  }
  return { pointer, response };
}

/**
 * Ajv (JSON Schema 2020-12) over the whole document, so `$ref`s inside the document resolve. Returns a validator
 * for the JSON body documented at a response pointer, or for a named component schema.
 */
export function createDocumentAjv(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document as unknown as object, DOC_ID);
  return {
    forResponse(pointer: string) {
      return ajv.compile({ $ref: `${DOC_ID}${pointer}/content/application~1json/schema` });
    },
    forComponent(name: string) {
      return ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` });
    },
  };
}
