/**
 * How a driver error affects a store call:
 * - `unique`: a unique or primary key violation;
 * - `lost-race`: the engine aborted the statement because a concurrent transaction changed the row
 *   (PostgreSQL 40001/40P01, MySQL/MariaDB 1020/1213);
 * - `busy`: the row or database stayed locked past the engine's wait limit (SQLITE_BUSY/SQLITE_LOCKED,
 *   MySQL/MariaDB 1205, PostgreSQL 55P03);
 * - `unavailable`: anything else (refused or lost connections, timeouts, unknown errors).
 */
export type SqlErrorKind = 'unique' | 'lost-race' | 'busy' | 'unavailable';

const UNIQUE_SQLSTATE = new Set(['23505']);
const UNIQUE_ERRNO = new Set([1062, 1586]);
const UNIQUE_SQLITE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const LOST_RACE_SQLSTATE = new Set(['40001', '40P01']);
const LOST_RACE_ERRNO = new Set([1020, 1213]);
const BUSY_SQLSTATE = new Set(['55P03']);
const BUSY_ERRNO = new Set([1205]);

function classifyOne(error: unknown): SqlErrorKind | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  if (typeof code === 'string') {
    if (UNIQUE_SQLSTATE.has(code) || UNIQUE_SQLITE.has(code) || code === 'ER_DUP_ENTRY') return 'unique';
    if (LOST_RACE_SQLSTATE.has(code)) return 'lost-race';
    if (BUSY_SQLSTATE.has(code) || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return 'busy';
    }
  }
  if (typeof errno === 'number') {
    if (UNIQUE_ERRNO.has(errno)) return 'unique';
    if (LOST_RACE_ERRNO.has(errno)) return 'lost-race';
    if (BUSY_ERRNO.has(errno)) return 'busy';
  }
  return undefined;
}

/** Classifies a driver error (following `cause` a few levels, for wrapped errors). */
export function classifySqlError(error: unknown): SqlErrorKind {
  let current = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const kind = classifyOne(current);
    if (kind !== undefined) return kind;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return 'unavailable';
}
