import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// Three projects: pure unit tests, and the database-backed tests (`*.db.test.ts`: services,
// route handlers, CLI) run once on an in-memory PGlite and, when TEST_DATABASE_URL is set,
// once more on PostgreSQL.
const dbTests = ["**/*.db.test.ts"];
const ignore = ["node_modules/**", ".next/**", "e2e/**", ".data/**"];

const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...ignore, ...dbTests] } },
  { extends: true, test: { name: "db:pglite", include: dbTests, exclude: ignore, env: { TEST_DB: "pglite" }, globalSetup: ["lib/testing/pglite-template.ts"] } },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    extends: true,
    test: {
      name: "db:postgres",
      include: dbTests,
      exclude: ignore,
      env: { TEST_DB: "postgres" },
      globalSetup: ["lib/testing/postgres-template.ts"],
    },
  });
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server build; tests are server code already.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    projects,
    // One worker per core. Vitest's default leaves a core free (one worker on a 2-core machine),
    // but the database tests spend part of their time waiting for PostgreSQL: two workers on two
    // cores took the suite from 356 to 236 s here, three gave no more (244 s).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: "test-secret-for-vitest-only" },
  },
});
