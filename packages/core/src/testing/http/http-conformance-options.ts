import type { StoreFactory } from '../store/store-factory.js';
import type { OfferKitServerFactory } from './offer-kit-server-factory.js';

/** Options of `offerKitHttpConformanceCases`. */
export interface HttpConformanceOptions {
  /** Fresh, empty stores for each case (the same factory the store conformance kit takes). */
  stores: StoreFactory;
  /** Starts the adapter under test around an issuer. */
  serve: OfferKitServerFactory;
  /**
   * Set when `serve` installs the host's own body parsers (`express.json()`, a Koa body parser) before OfferKit.
   * Rows whose raw bytes such a parser answers itself (malformed JSON, BOM, bad UTF-8, byte caps) are then checked
   * only for what OfferKit still controls: no 5xx, no state change, no prototype pollution. Default false.
   */
  hostParsesBody?: boolean;
  /** Parallel `POST /token` requests for one code in the race case. Default 1000. */
  parallelRedemptions?: number;
  /** Parallel wrong transaction codes in the attempt-counter race case. Default 200. */
  parallelWrongTxCodes?: number;
}
