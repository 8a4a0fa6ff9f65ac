import type { z } from "zod";
import { InvalidError, MalformedError, type FieldIssue } from "@/lib/errors";
import { toFieldIssues } from "@/lib/schemas/issues";
import { readBodyText } from "./read-body";

/** The JSON APIs' body limit unless a route sets its own: far above any order or partner. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Deeper JSON than this is refused: nothing the API takes nests this far, and walking it could overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/** Parses a JSON body: 413 over `maxBytes`, 400 when it is not JSON, 422 with details when values are wrong. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, { maxBytes = MAX_BODY_BYTES }: { maxBytes?: number } = {}): Promise<z.output<S>> {
  return parseJsonText(await readBodyText(request, maxBytes), schema);
}

/** The same checks on a body already read (e.g. after verifying a signature over its bytes). */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MalformedError("The request body is not valid JSON.");
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new MalformedError("The request body must be a JSON object.");
  }
  const issue = unstorable(json, [], 0);
  if (issue) throw new InvalidError("Some fields are missing or invalid.", [issue]);
  return parseValues(json, schema);
}

// NUL and unpaired UTF-16 surrogates are valid in JSON strings but PostgreSQL cannot store
// them (text or jsonb): without this check they fail deep in a query as a 500.
const UNSTORABLE = /\u0000|\p{Surrogate}/u;

/** The first string (or key) the database cannot store, or nesting beyond MAX_JSON_DEPTH. */
function unstorable(value: unknown, path: string[], depth: number): FieldIssue | undefined {
  const field = () => (path.length ? path.join(".") : "(body)");
  if (typeof value === "string") {
    return UNSTORABLE.test(value) ? { field: field(), message: "Text cannot contain NUL characters or unpaired surrogates." } : undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  if (depth >= MAX_JSON_DEPTH) return { field: field(), message: `Nested too deeply (at most ${MAX_JSON_DEPTH} levels).` };
  for (const [key, child] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return { field: [...path, key.replace(/\u0000|\p{Surrogate}/gu, "\uFFFD")].join("."), message: "Names cannot contain NUL characters or unpaired surrogates." };
    const issue = unstorable(child, [...path, key], depth + 1);
    if (issue) return issue;
  }
  return undefined;
}

/** Validates already-decoded values (query strings, JSON) with 422 and field details on failure. */
export function parseValues<S extends z.ZodType>(values: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new InvalidError("Some fields are missing or invalid.", toFieldIssues(parsed.error));
  return parsed.data;
}
