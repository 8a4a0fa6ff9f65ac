import { z } from "zod";
import { CLI } from "@/lib/services/actor";
import { createAdmin } from "@/lib/services/admin-users";
import { parseOptions } from "../args";
import type { Command } from "../types";

export const userCreate: Command = {
  path: ["user", "create"],
  usage: "user create --email E --password P [--name N]",
  summary: "Create an admin user who can sign in to the console.",
  async run(args, io) {
    const input = parseOptions(args, ["email", "password", "name"], z.object({
      email: z.string({ error: "is required" }),
      password: z.string({ error: "is required" }),
      name: z.string().optional(),
    }));
    const { db, close } = await io.openDb();
    try {
      const admin = await createAdmin(db, CLI, input);
      io.out(`Created admin ${admin.email}`);
      return 0;
    } finally {
      await close();
    }
  },
};
