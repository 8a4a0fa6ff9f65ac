import type { z } from "zod";
import { InvalidError, MalformedError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/schemas/issues";

export const MAX_BODY_BYTES = 256 * 1024;

/** Parses a JSON body: 400 when it is not JSON (or too large), 422 with details when values are wrong. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new MalformedError("The request body is too large.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MalformedError("The request body is not valid JSON.");
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new MalformedError("The request body must be a JSON object.");
  }
  return parseValues(json, schema);
}

/** Validates already-decoded values (query strings, JSON) with 422 and field details on failure. */
export function parseValues<S extends z.ZodType>(values: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new InvalidError("Some fields are missing or invalid.", toFieldIssues(parsed.error));
  return parsed.data;
}
