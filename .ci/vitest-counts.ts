import { writeFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

// A vitest reporter for .ci/run: what ran, per project (unit, db:pglite, db:postgres), and
// what failed outside any test. Vitest's JSON report names neither: the same *.db.test.ts
// file runs in two projects under one path, and an unhandled error or rejection (which
// fails the run) is counted nowhere in it. Written to $VITEST_COUNTS_FILE.

export interface ProjectCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Files and suites that failed outside their tests (an import error, a failing beforeAll). */
  brokenSuites: number;
}

export interface VitestCounts {
  projects: Record<string, ProjectCounts>;
  /** Errors thrown or rejections left unhandled while the tests ran (they fail the run). */
  unhandledErrors: string[];
  reason: string;
}

export default class VitestCountsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string; name?: string }>, reason: string): void {
    const projects: Record<string, ProjectCounts> = {};
    for (const file of testModules) {
      const counts = (projects[file.project.name] ??= { passed: 0, failed: 0, skipped: 0, brokenSuites: 0 });
      for (const test of file.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      for (const suite of [file, ...file.children.allSuites()]) if (suite.errors().length > 0) counts.brokenSuites++;
    }
    const report: VitestCounts = {
      projects,
      unhandledErrors: unhandledErrors.map((e) => `${e.name ?? "Error"}: ${e.message ?? ""}`.slice(0, 300)),
      reason,
    };
    const output = process.env.VITEST_COUNTS_FILE;
    if (output) writeFileSync(output, JSON.stringify(report, null, 2));
  }
}
