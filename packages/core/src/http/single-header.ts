/** The value of a header sent exactly once, else undefined. */
export function singleHeader(header: string | readonly string[] | undefined): string | undefined {
  if (typeof header === 'string') return header;
  if (header !== undefined && header.length === 1) return header[0];
  return undefined;
}
