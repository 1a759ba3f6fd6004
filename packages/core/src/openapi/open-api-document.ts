/** A JSON value as it appears in an OpenAPI document. */
export type OpenApiJson = string | number | boolean | null | OpenApiJson[] | { [key: string]: OpenApiJson };

/** A JSON Schema (draft 2020-12, the OpenAPI 3.1 dialect) or any other OpenAPI object, as plain JSON. */
export type OpenApiObject = { [key: string]: OpenApiJson };

/**
 * An OpenAPI 3.1 document as plain JSON, ready for `JSON.stringify`.
 * @see https://spec.openapis.org/oas/v3.1.0
 */
export interface OpenApiDocument {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: OpenApiObject;
  servers?: OpenApiObject[];
  tags: OpenApiObject[];
  paths: { [path: string]: OpenApiObject };
  components: OpenApiObject;
}
