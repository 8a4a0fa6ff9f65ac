import { z } from "zod";
import { CLI } from "@/lib/services/actor";
import { createApiKey } from "@/lib/services/api-keys";
import { parseOptions } from "../args";
import type { Command } from "../types";

export const apiKeyCreate: Command = {
  path: ["api-key", "create"],
  usage: "api-key create --name N",
  summary: "Create a secret API key; prints the secret once, alone on the last line.",
  async run(args, io) {
    const input = parseOptions(args, ["name"], z.object({ name: z.string({ error: "is required" }) }));
    const { db, close } = await io.openDb();
    try {
      const key = await createApiKey(db, CLI, input);
      io.out(`Created API key "${key.name}" (${key.prefix}…). Store the secret now: it is not shown again.`);
      io.out(key.secret);
      return 0;
    } finally {
      await close();
    }
  },
};
