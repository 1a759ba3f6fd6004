import type { Compilable, CompiledQuery, QueryExecutorProvider } from 'kysely';

/** Returns the statement compiled for `values`: bound to the SQL compiled once, or compiled anew (see below). */
export type BoundStatement<P extends string, R> = (values: Readonly<Record<P, unknown>>) => CompiledQuery<R>;

type Slot<P extends string> = { readonly name: P } | { readonly constant: unknown };

/**
 * Compiles a kysely statement once and returns a binder for fresh parameter values, so a hot statement is not
 * rebuilt and recompiled on every call. `build` receives one unique placeholder per name in place of a value;
 * compiling maps each placeholder to its position in the parameter list (a name may be used more than once),
 * and parameters the statement fixed itself keep their compiled value.
 *
 * When the host's `Kysely` instance has plugins, every call builds and compiles the statement as before: a
 * plugin's `transformQuery` may act per query (tracing, tenancy, fault injection), so it must see every call.
 */
export function prepareStatement<const P extends string, R>(
  db: QueryExecutorProvider,
  names: readonly P[],
  build: (parameters: Readonly<Record<P, never>>) => Compilable<R>,
): BoundStatement<P, R> {
  if (db.getExecutor().plugins.length > 0) {
    return (values) => build(values as Readonly<Record<P, never>>).compile();
  }
  const placeholders = new Map(names.map((name) => [`\u0000offerkit-parameter:${name}`, name]));
  const parameters = Object.fromEntries([...placeholders].map(([placeholder, name]) => [name, placeholder]));
  const compiled = build(parameters as Record<P, never>).compile();
  const slots: Slot<P>[] = compiled.parameters.map((value) => {
    const name = typeof value === 'string' ? placeholders.get(value) : undefined;
    return name === undefined ? { constant: value } : { name };
  });
  const unused = names.filter((name) => !slots.some((slot) => 'name' in slot && slot.name === name));
  if (unused.length > 0) throw new Error(`prepared statement does not use ${unused.join(', ')}`);
  return (values) => ({
    query: compiled.query,
    queryId: compiled.queryId,
    sql: compiled.sql,
    parameters: slots.map((slot) => ('name' in slot ? values[slot.name] : slot.constant)),
  });
}
