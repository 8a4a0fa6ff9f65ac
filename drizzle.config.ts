import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL from the schema here; the app applies the files in
// db/migrations itself at start (db/migrate.ts), on PGlite and on PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  strict: true,
});
