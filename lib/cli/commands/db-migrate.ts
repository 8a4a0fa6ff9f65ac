import { z } from "zod";
import { parseOptions } from "../args";
import type { Command } from "../types";

export const dbMigrate: Command = {
  path: ["db", "migrate"],
  usage: "db migrate",
  summary: "Apply pending database migrations (the server also does this at start).",
  async run(args, io) {
    parseOptions(args, [], z.object({}));
    const { kind, close } = await io.openDb({ migrate: true });
    await close();
    io.out(`Database is up to date (${kind === "postgres" ? "PostgreSQL" : "embedded PGlite"}).`);
    return 0;
  },
};
