import type { StoreFactory } from '@offerkit/core/testing';

/** One storage backend a suite runs on: a factory of empty stores per case, and how to release it. */
export interface StoreVariant {
  /** `memory` or the engine's name. */
  name: string;
  factory: StoreFactory;
  close(): Promise<void>;
}
