import { z } from "zod";
import { seedLarge } from "@/lib/seed/large/seed-large";
import { formatSummary } from "@/lib/seed/summary";
import { seedDemo } from "@/lib/seed/seed";
import { parseOptions } from "../args";
import { UsageError, type Command } from "../types";

const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: "expected a whole number" })
    .transform(Number)
    .pipe(z.int().min(min, { error: `at least ${min}` }).max(max, { error: `at most ${max}` }));

export const dbSeed: Command = {
  path: ["db", "seed"],
  usage: "db seed [--seed N] [--days N] [--scale demo|large]",
  summary: "Fill an empty database: a realistic demo program (25 partners, 90 days), or --scale large (5,000 partners, 1M clicks, 100k orders; PostgreSQL).",
  async run(args, io) {
    const options = parseOptions(
      args,
      ["scale", "seed", "days"],
      z.object({
        scale: z.enum(["demo", "large"], { error: "expected demo or large" }).default("demo"),
        seed: whole(0, 2 ** 32 - 1).default(1),
        days: whole(1, 365).optional(),
      }),
    );
    if (options.scale === "large" && options.days !== undefined) throw new UsageError("--days applies to the demo seed; the large one always covers 365 days");
    const { db, kind, close } = await io.openDb();
    try {
      const started = performance.now();
      const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
      if (options.scale === "demo") {
        const days = options.days ?? 90;
        const summary = await seedDemo(db, { seed: options.seed, days });
        io.out(`Seeded "${summary.programName}" (seed ${options.seed}, ${days} days of traffic) in ${seconds()} s:`);
        for (const line of formatSummary(summary)) io.out(line);
        return 0;
      }
      if (kind === "pglite") {
        io.err(
          "error: db seed --scale large needs PostgreSQL: set DATABASE_URL=postgres://… (a million clicks in the embedded database would take a very long time and several GB of memory). Use db seed for the demo program.",
        );
        return 1;
      }
      io.out("Seeding the large program (about 2–4 minutes on PostgreSQL)…");
      const s = await seedLarge(db, { seed: options.seed, onProgress: (line) => io.out(`  … ${line}`) });
      io.out(`Seeded "${s.programName}" at large scale (seed ${options.seed}, ${s.scale.days} days of traffic) in ${seconds()} s:`);
      for (const line of formatSummary(s)) io.out(line);
      io.out(`  Time     ${Object.entries(s.timings).map(([phase, t]) => `${phase} ${t.toFixed(1)} s`).join(", ")}`);
      return 0;
    } finally {
      await close();
    }
  },
};
