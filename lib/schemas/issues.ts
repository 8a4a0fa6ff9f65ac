import type { z } from "zod";
import type { FieldIssue } from "@/lib/errors";

/** zod issues as `[{field, message}]`, the `details` of a 422 and the form's field errors. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  }));
}

/** First message per field, for forms. */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of toFieldIssues(error)) out[field] ??= message;
  return out;
}
