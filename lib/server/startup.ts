import { closeAppDatabase, openAppDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { ConfigError } from "@/lib/errors";
import { createFirstAdmin } from "@/lib/services/admin-users";
import { sealLegacyDashboardTokens } from "@/lib/services/dashboard-token-seal";
import { startBackgroundJobs } from "./background-jobs";
import { authSecret } from "./auth-secret";

// Server start: check the configuration, open and migrate the database, seal dashboard
// tokens an earlier release stored in plain text, create the admin from ADMIN_EMAIL/ADMIN_PASSWORD, and close the database cleanly on SIGTERM/SIGINT
// (PGlite must be closed, or the next start is a crash recovery).

function fail(message: string): never {
  console.error(`\n✖ Cannot start: ${message}\n`);
  process.exit(1);
}

export async function startServer(): Promise<void> {
  try {
    const e = env();
    authSecret();
    const { db, kind } = await openAppDatabase();
    console.log(`✓ Database ready (${kind === "postgres" ? "PostgreSQL" : `embedded PGlite in ${e.DATA_DIR}/pglite`})`);
    // Before serving: dashboard tokens stored in plain text by an earlier release are sealed.
    const sealed = await sealLegacyDashboardTokens(db);
    if (sealed) console.log(`✓ Encrypted ${sealed} partner dashboard token(s) stored by an earlier version`);
    if (e.ADMIN_EMAIL && e.ADMIN_PASSWORD) {
      const created = await createFirstAdmin(db, { type: "system", label: "ADMIN_EMAIL" }, { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD }, null);
      if (created) console.log(`✓ Created admin ${created.email} from ADMIN_EMAIL`);
    }
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  startBackgroundJobs();
  registerShutdown();
}

let registered = false;
function registerShutdown() {
  if (registered) return;
  registered = true;
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: closing the database…`);
    closeAppDatabase()
      .catch((error) => console.error("Error while closing the database:", error))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
