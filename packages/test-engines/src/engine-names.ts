/** Engines the suites run on. `sqlite-*` always answer; the servers may be absent outside CI. */
export type EngineName = 'sqlite-memory' | 'sqlite-file' | 'postgres' | 'mariadb';

/** Every engine, in the order suites report them. */
export const ENGINE_NAMES: readonly EngineName[] = ['sqlite-memory', 'sqlite-file', 'postgres', 'mariadb'];
