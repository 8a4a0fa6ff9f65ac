import type { OpenDatabase } from "@/db/types";

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Opens (and migrates) the database; the lock refuses a folder a server holds. */
  openDb(options?: { migrate?: boolean }): Promise<OpenDatabase>;
}

export interface Command {
  /** Words that select it, e.g. ["api-key", "create"]. */
  path: string[];
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A usage mistake: printed as one line with a pointer to --help, exit code 2. */
export class UsageError extends Error {}
