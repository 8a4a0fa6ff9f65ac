import { AppError, ConfigError } from "@/lib/errors";
import { apiKeyCreate } from "./commands/api-key-create";
import { dbMigrate } from "./commands/db-migrate";
import { dbClearDemo } from "./commands/db-clear-demo";
import { dbSeed } from "./commands/db-seed";
import { partnerDashboardUrl } from "./commands/partner-dashboard-url";
import { settingsGet, settingsSet } from "./commands/settings";
import { userCreate } from "./commands/user-create";
import { UsageError, type CliIo, type Command } from "./types";

export const COMMANDS: Command[] = [userCreate, apiKeyCreate, partnerDashboardUrl, settingsGet, settingsSet, dbMigrate, dbSeed, dbClearDemo];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    "Usage: npm run cli -- <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Environment: DATABASE_URL (PostgreSQL; unset = embedded database in DATA_DIR, default .data).",
    "The embedded database can only be opened while no server is running on it.",
  ].join("\n");
}

function find(argv: string[]): { command: Command; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    if (command.path.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(command.path.length) };
  }
  return undefined;
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.out(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const match = find(argv);
  if (!match) {
    io.err(`error: unknown command "${argv.join(" ")}". Run with --help to list commands.`);
    return 2;
  }
  const { command, rest } = match;
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`Usage: npm run cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message.replace(/\.$/, "")}. Usage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof AppError) {
      const field = error.details?.[0];
      io.err(`error: ${field ? `--${field.field}: ${field.message}` : error.message}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      io.err(`error: ${error.message.replace(/\n\s*/g, " ")}`);
      return 1;
    }
    throw error;
  }
}
