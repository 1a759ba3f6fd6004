/**
 * Request headers with lower-cased names. A header sent several times MAY be given as an array of its values
 * (Node's `headersDistinct`), which lets the handler refuse ambiguous requests such as two `Authorization` headers.
 */
export type HttpHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;
