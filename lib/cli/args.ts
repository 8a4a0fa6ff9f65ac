import { parseArgs } from "node:util";
import type { z } from "zod";
import { UsageError } from "./types";

/**
 * Parses `--flag value` options of one command and validates them with zod, so every CLI
 * input gets the same treatment as HTTP input.
 */
export function parseOptions<S extends z.ZodType>(args: string[], names: string[], schema: S): z.output<S> {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option ${unknown[1]}` : message.split("\n")[0]!);
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path.length ? `--${issue.path.join(".")}` : "options";
    throw new UsageError(`${flag}: ${issue.message}`);
  }
  return parsed.data;
}
