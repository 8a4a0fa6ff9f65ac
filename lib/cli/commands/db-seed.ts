import { z } from "zod";
import { formatSummary } from "@/lib/seed/summary";
import { seedDemo } from "@/lib/seed/seed";
import { parseOptions } from "../args";
import type { Command } from "../types";

const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: "expected a whole number" })
    .transform(Number)
    .pipe(z.int().min(min, { error: `at least ${min}` }).max(max, { error: `at most ${max}` }));

export const dbSeed: Command = {
  path: ["db", "seed"],
  usage: "db seed [--seed N] [--days N]",
  summary: "Fill an empty database with a realistic demo program (partners, catalog, 90 days of traffic).",
  async run(args, io) {
    const options = parseOptions(args, ["seed", "days"], z.object({ seed: whole(0, 2 ** 32 - 1).default(1), days: whole(1, 365).default(90) }));
    const { db, close } = await io.openDb();
    try {
      const started = performance.now();
      const summary = await seedDemo(db, options);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.out(`Seeded "${summary.programName}" (seed ${options.seed}, ${options.days} days of traffic) in ${seconds} s:`);
      for (const line of formatSummary(summary)) io.out(line);
      return 0;
    } finally {
      await close();
    }
  },
};
