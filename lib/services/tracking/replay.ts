import { ConflictError } from "@/lib/errors";

/** Thrown inside a transaction when a unique key was taken by a concurrent request: roll back and replay. */
export class DuplicateRequest extends Error {}

export interface StoredRequest {
  requestHash: string;
  response: Record<string, unknown>;
}

/**
 * The answer to a request whose idempotency key was seen before: the first answer when
 * the body is the same, 409 when it differs (and nothing changes either way).
 */
export function replay<T>(stored: StoredRequest, hash: string, what: string): { created: false; body: T } {
  if (stored.requestHash !== hash) {
    throw new ConflictError(`${what} was already recorded with different values; nothing was changed.`, "idempotency_conflict");
  }
  return { created: false, body: stored.response as T };
}
