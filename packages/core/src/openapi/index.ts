export { createOpenApiDocument } from './create-open-api-document.js';
export type { OpenApiDocument, OpenApiJson, OpenApiObject } from './open-api-document.js';
export type { OpenApiDocumentOptions } from './open-api-document-options.js';
