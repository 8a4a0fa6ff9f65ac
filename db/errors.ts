// Recognising constraint violations, whichever driver raised them: Drizzle wraps the driver
// error (postgres.js or PGlite) in `cause`.

interface PgErrorLike {
  code?: string;
  constraint_name?: string;
  constraint?: string;
  cause?: unknown;
}

function pgError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as PgErrorLike;
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return undefined;
}

/** The violated unique constraint's name, or undefined when this is not a unique violation. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = pgError(error);
  if (e?.code !== "23505") return undefined;
  return e.constraint_name ?? e.constraint ?? "";
}

export function isCheckViolation(error: unknown): boolean {
  return pgError(error)?.code === "23514";
}

/** Serialization failure or deadlock: the transaction may simply be retried. */
export function isRetryableConflict(error: unknown): boolean {
  const code = pgError(error)?.code;
  return code === "40001" || code === "40P01";
}
