import { offerStoreConformanceCases, userStoreConformanceCases } from '@offerkit/core/testing';
import { describe, it } from 'vitest';
import { createMemoryStores } from '../src/index.js';

const factory = async () => createMemoryStores();

describe('memory store: offer store conformance', () => {
  for (const c of offerStoreConformanceCases(factory)) it(c.name, c.run, c.timeoutMs);
});

describe('memory store: user store conformance', () => {
  for (const c of userStoreConformanceCases(factory)) it(c.name, c.run, c.timeoutMs);
});
