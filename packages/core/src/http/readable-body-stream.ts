/**
 * The part of a Node.js `Readable` (such as `http.IncomingMessage`) that `readBodyStream` uses. Declared
 * structurally so that the portable core does not import `node:stream`.
 */
export interface ReadableBodyStream {
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end' | 'close' | 'aborted', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  resume(): unknown;
  /** True once the stream has emitted `end` (then nothing is left to read). */
  readonly readableEnded?: boolean;
  /** True once the stream was destroyed. */
  readonly destroyed?: boolean;
}
