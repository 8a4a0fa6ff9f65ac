import type { Sql } from "postgres";

// Drizzle runs every query through postgres.js with `prepare: false` unless it was built
// with `.prepare(name)`, and an unnamed, unprepared query costs two round trips (Parse and
// Describe, then Bind and Execute). This wrapper makes postgres.js prepare every statement
// instead: one round trip, and PostgreSQL skips re-planning repeated statements. The
// transaction clients that begin()/savepoint() hand out are wrapped the same way.
// (Not for PgBouncer in transaction mode, which cannot keep prepared statements.)

type AnySql = Sql<Record<string, never>>;
type TxCallback = (client: AnySql) => unknown;

export function alwaysPrepare<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "unsafe" && typeof value === "function") {
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          (value as (...args: unknown[]) => unknown).call(target, query, params, { ...options, prepare: true });
      }
      if ((property === "begin" || property === "savepoint") && typeof value === "function") {
        return (...args: unknown[]) => {
          const callbackAt = args.findIndex((a) => typeof a === "function");
          if (callbackAt >= 0) {
            const callback = args[callbackAt] as TxCallback;
            args[callbackAt] = (tx: AnySql) => callback(alwaysPrepare(tx));
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
