import type { z } from "zod";
import type { FieldIssue } from "@/lib/errors";

/** zod issues as `[{field, message}]`, the `details` of a 422 and the form's field errors. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    // An unknown key is named as the field itself, e.g. "orderID", not its parent object.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: [...at, key].join("."), message: `Unknown field "${key}".` }));
    }
    return [{ field: at.length ? at.join(".") : "(body)", message: issue.message }];
  });
}

/** First message per field, for forms. */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of toFieldIssues(error)) out[field] ??= message;
  return out;
}
