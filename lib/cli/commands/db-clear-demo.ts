import { z } from "zod";
import { CLI } from "@/lib/services/actor";
import { clearDemoData } from "@/lib/services/demo-data";
import { parseOptions } from "../args";
import type { Command } from "../types";

export const dbClearDemo: Command = {
  path: ["db", "clear-demo"],
  usage: "db clear-demo",
  summary: "Remove the demo program that db seed (or Load demo data) made, before going live; refused if partners or sales of your own were added since.",
  async run(args, io) {
    parseOptions(args, [], z.object({}));
    const { db, close } = await io.openDb();
    try {
      const result = await clearDemoData(db, CLI);
      io.out(`Demo data cleared: ${result.partners} partners and ${result.orders} orders removed; the settings it changed are back.`);
      return 0;
    } finally {
      await close();
    }
  },
};
