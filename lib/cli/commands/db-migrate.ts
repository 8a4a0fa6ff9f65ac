import { z } from "zod";
import { sealLegacyDashboardTokens } from "@/lib/services/dashboard-token-seal";
import { parseOptions } from "../args";
import type { Command } from "../types";

export const dbMigrate: Command = {
  path: ["db", "migrate"],
  usage: "db migrate",
  summary: "Apply pending database migrations and their data steps (the server also does this at start).",
  async run(args, io) {
    parseOptions(args, [], z.object({}));
    const { db, kind, close } = await io.openDb({ migrate: true });
    try {
      // The one data step SQL cannot do: dashboard tokens stored before migration 0019 are encrypted here.
      const sealed = await sealLegacyDashboardTokens(db);
      if (sealed) io.out(`Encrypted ${sealed} partner dashboard token(s) stored by an earlier version.`);
    } finally {
      await close();
    }
    io.out(`Database is up to date (${kind === "postgres" ? "PostgreSQL" : "embedded PGlite"}).`);
    return 0;
  },
};
