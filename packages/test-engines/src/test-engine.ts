import type { Kysely } from 'kysely';
import type { EngineName } from './engine-names.js';

/** An opened test database. */
export interface TestEngine {
  name: EngineName;
  /** The main instance (a small pool on the servers). */
  db: Kysely<unknown>;
  /** Opens another instance over exactly one connection of its own (for cross-connection races). */
  openSingleConnection(): Promise<Kysely<unknown>>;
  /** Path of the SQLite file (sqlite-file only). */
  file?: string;
  close(): Promise<void>;
}
