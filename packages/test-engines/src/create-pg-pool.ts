import pg from 'pg';

/** A `pg.Pool` with the `'error'` listener every host must attach (an idle client's error would crash us). */
export function createPgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => {});
  return pool;
}
