import { z } from "zod";
import { apiKeyScopeSchema } from "@/lib/schemas/api-keys";
import { CLI } from "@/lib/services/actor";
import { createApiKey } from "@/lib/services/api-keys";
import { parseOptions } from "../args";
import type { Command } from "../types";

export const apiKeyCreate: Command = {
  path: ["api-key", "create"],
  usage: "api-key create --name N [--scope full|tracking|publishable]",
  summary: "Create an API key (default scope full); prints the key once, alone on the last line.",
  async run(args, io) {
    const input = parseOptions(args, ["name", "scope"], z.object({ name: z.string({ error: "is required" }), scope: apiKeyScopeSchema.default("full") }));
    const { db, close } = await io.openDb();
    try {
      const key = await createApiKey(db, CLI, input);
      io.out(`Created ${key.scope} API key "${key.name}" (${key.prefix}…). Store the key now: it is not shown again.`);
      io.out(key.secret);
      return 0;
    } finally {
      await close();
    }
  },
};
