import {
  DummyDriver,
  Kysely,
  MysqlAdapter,
  MysqlQueryCompiler,
  PostgresAdapter,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { prepareStatement } from '../src/prepare-statement.js';

interface Row {
  id: string;
  attempts: number;
  expires_at: number;
  consumed_at: number | null;
  note: string;
}
type Db = Record<string, Row>;

const DIALECTS = {
  postgres: {
    createAdapter: () => new PostgresAdapter(),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  mysql: { createAdapter: () => new MysqlAdapter(), createQueryCompiler: () => new MysqlQueryCompiler() },
  sqlite: { createAdapter: () => new SqliteAdapter(), createQueryCompiler: () => new SqliteQueryCompiler() },
};

describe.each(Object.entries(DIALECTS))('prepareStatement on %s', (_name, parts) => {
  const db = new Kysely<Db>({
    dialect: {
      ...parts,
      createDriver: () => new DummyDriver(),
      createIntrospector: () => {
        throw new Error('no introspection in this test');
      },
    },
  });
  const build = (id: string, now: number, note: string) =>
    db
      .updateTable('t')
      .set({ consumed_at: now, note, attempts: sql<number>`${sql.ref('attempts')} + ${1}` })
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .where('consumed_at', 'is', null);

  it('binds each call to the same SQL and parameters as a freshly built statement', () => {
    const bind = prepareStatement(db, ['id', 'now', 'note'], (p) => build(p.id, p.now, p.note));
    for (const [id, now, note] of [
      ['a', 1, 'x'],
      ['b', 2_000_000_000_000, ''],
      ['\u0000offerkit-parameter:now', 3, 'id'],
    ] as const) {
      const fresh = build(id, now, note).compile();
      const bound = bind({ id, now, note });
      expect(bound.sql).toBe(fresh.sql);
      expect(bound.parameters).toEqual(fresh.parameters);
    }
  });

  it('keeps the compiled node and query id of the statement', () => {
    const bind = prepareStatement(db, ['id'], (p) => db.selectFrom('t').selectAll().where('id', '=', p.id));
    const first = bind({ id: 'a' });
    const second = bind({ id: 'b' });
    expect(second.query).toBe(first.query);
    expect(second.queryId).toBe(first.queryId);
    expect(first.parameters).toEqual(['a']);
    expect(second.parameters).toEqual(['b']);
  });

  it('with a host plugin, builds and compiles every call, so the plugin sees each query', () => {
    const seen: string[] = [];
    const withPlugin = db.withPlugin({
      transformQuery: ({ node }) => {
        seen.push(node.kind);
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const bind = prepareStatement(withPlugin, ['id'], (p) =>
      withPlugin.selectFrom('t').selectAll().where('id', '=', p.id),
    );
    expect(bind({ id: 'a' }).parameters).toEqual(['a']);
    expect(bind({ id: 'b' }).parameters).toEqual(['b']);
    expect(seen).toEqual(['SelectQueryNode', 'SelectQueryNode']);
  });

  it('rejects a parameter name the statement never uses', () => {
    expect(() =>
      prepareStatement(db, ['id', 'now'], (p) => db.selectFrom('t').selectAll().where('id', '=', p.id)),
    ).toThrow(/does not use now/);
  });
});
