import { ERROR_TABLE, type OfferKitErrorCode } from './error-code.js';

/** One problem with one input field, in MATTR's (express-validator's) shape. */
export interface ErrorDetail {
  /** The offending value, when it is safe to echo (never a secret). */
  value?: unknown;
  msg: string;
  param: string;
  location: 'body' | 'params' | 'headers' | 'query' | 'options';
}

/** Options of the `OfferKitError` constructor. */
export interface OfferKitErrorOptions {
  details?: ErrorDetail[];
  cause?: unknown;
}

/**
 * The only error type OfferKit throws. `status` and the wire codes come from `ERROR_TABLE`. Messages are written
 * for the API caller and never contain a secret or a driver message (the driver error, if any, is the `cause`).
 */
export class OfferKitError extends Error {
  override readonly name = 'OfferKitError';
  readonly code: OfferKitErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(code: OfferKitErrorCode, message: string, options: OfferKitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_TABLE[code].status;
    this.details = options.details ?? [];
  }

  /** MATTR envelope code, e.g. `BadRequest`. */
  get envelopeCode(): string {
    return ERROR_TABLE[this.code].envelope;
  }

  /** RFC 6749 error code for the token route. */
  get oauthError(): string {
    return ERROR_TABLE[this.code].oauth;
  }
}
