import type { EngineName } from '@offerkit/test-engines';
import { type Kysely, sql } from 'kysely';

/** What the engine reports about one table, with the table prefix replaced by `<prefix>`. */
export interface TableShape {
  columns: string[];
  indexes: string[];
  options: string[];
}

/** Shape of `${prefix}offers` and `${prefix}users` as the engine's catalog reports it. */
export type OfferKitSchemaShape = Record<'offers' | 'users', TableShape>;

const normalize = (text: string, prefix: string) => text.split(prefix).join('<prefix>');

async function sqliteShape(db: Kysely<unknown>, table: string, prefix: string): Promise<TableShape> {
  const { rows: columns } = await sql<{
    name: string;
    type: string;
    notnull: number;
    dflt_value: string | null;
    pk: number;
  }>`select * from pragma_table_info(${table})`.execute(db);
  const { rows: indexList } = await sql<{
    name: string;
    unique: number;
    origin: string;
  }>`select * from pragma_index_list(${table})`.execute(db);
  const indexes: string[] = [];
  for (const index of indexList) {
    const { rows: parts } = await sql<{
      name: string;
    }>`select * from pragma_index_info(${index.name}) order by seqno`.execute(db);
    // The primary key's automatic index has an engine-chosen name; describe it by origin instead.
    const name = index.origin === 'pk' ? 'PRIMARY' : normalize(index.name, prefix);
    indexes.push(`${name} unique=${index.unique} (${parts.map((p) => p.name).join(',')})`);
  }
  return {
    columns: columns.map(
      (c) =>
        `${c.name} ${c.type.toLowerCase()} notnull=${c.notnull} default=${c.dflt_value ?? 'none'} pk=${c.pk}`,
    ),
    indexes: indexes.sort(),
    options: [],
  };
}

async function postgresShape(db: Kysely<unknown>, table: string, prefix: string): Promise<TableShape> {
  const { rows: columns } = await sql<{
    column_name: string;
    data_type: string;
    character_maximum_length: number | null;
    is_nullable: string;
    column_default: string | null;
  }>`select column_name, data_type, character_maximum_length, is_nullable, column_default
     from information_schema.columns where table_schema = current_schema() and table_name = ${table}
     order by ordinal_position`.execute(db);
  const { rows: indexes } = await sql<{ indexdef: string }>`select indexdef from pg_indexes
     where schemaname = current_schema() and tablename = ${table}`.execute(db);
  return {
    columns: columns.map(
      (c) =>
        `${c.column_name} ${c.data_type}(${c.character_maximum_length ?? '-'}) nullable=${c.is_nullable} default=${c.column_default ?? 'none'}`,
    ),
    indexes: indexes.map((i) => normalize(i.indexdef, prefix)).sort(),
    options: [],
  };
}

async function mysqlShape(db: Kysely<unknown>, table: string, prefix: string): Promise<TableShape> {
  const { rows: columns } = await sql<{
    COLUMN_NAME: string;
    COLUMN_TYPE: string;
    IS_NULLABLE: string;
    COLUMN_DEFAULT: string | null;
    COLLATION_NAME: string | null;
  }>`select COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLLATION_NAME from information_schema.columns
     where table_schema = database() and table_name = ${table} order by ordinal_position`.execute(db);
  const { rows: stats } = await sql<{ INDEX_NAME: string; NON_UNIQUE: number | string; COLUMN_NAME: string }>`
     select INDEX_NAME, NON_UNIQUE, COLUMN_NAME from information_schema.statistics
     where table_schema = database() and table_name = ${table} order by INDEX_NAME, SEQ_IN_INDEX`.execute(db);
  const { rows: tables } = await sql<{ ENGINE: string; TABLE_COLLATION: string }>`
     select ENGINE, TABLE_COLLATION from information_schema.tables
     where table_schema = database() and table_name = ${table}`.execute(db);
  const byIndex = new Map<string, { unique: boolean; columns: string[] }>();
  for (const s of stats) {
    const entry = byIndex.get(s.INDEX_NAME) ?? { unique: Number(s.NON_UNIQUE) === 0, columns: [] };
    entry.columns.push(s.COLUMN_NAME);
    byIndex.set(s.INDEX_NAME, entry);
  }
  return {
    columns: columns.map(
      (c) =>
        `${c.COLUMN_NAME} ${c.COLUMN_TYPE} nullable=${c.IS_NULLABLE} default=${c.COLUMN_DEFAULT ?? 'none'} collation=${c.COLLATION_NAME ?? '-'}`,
    ),
    indexes: [...byIndex]
      .map(([name, i]) => `${normalize(name, prefix)} unique=${i.unique} (${i.columns.join(',')})`)
      .sort(),
    options: tables.map((t) => `engine=${t.ENGINE} collation=${t.TABLE_COLLATION}`),
  };
}

/** Reads the shape of the OfferKit tables with `prefix` from the engine's catalog. */
export async function introspectOfferKitSchema(
  db: Kysely<unknown>,
  engine: EngineName,
  prefix: string,
): Promise<OfferKitSchemaShape> {
  const shape = engine.startsWith('sqlite')
    ? sqliteShape
    : engine === 'postgres'
      ? postgresShape
      : mysqlShape;
  return {
    offers: await shape(db, `${prefix}offers`, prefix),
    users: await shape(db, `${prefix}users`, prefix),
  };
}
