import postgres from "postgres";

// The benchmark's database: BENCH_DATABASE_URL as given, or a throwaway aff_bench_<pid> on
// the local server, dropped at the end.

export interface BenchDatabase {
  url: string;
  name: string;
  throwaway: boolean;
  version: string;
  /** Process ids of the app's connections (application_name "affiliates") to this database. */
  appBackendPids(): Promise<number[]>;
  /** Drops a throwaway database; closes the admin connection either way. */
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openBenchDatabase(options: { databaseUrl?: string; adminUrl: string }): Promise<BenchDatabase> {
  const throwaway = !options.databaseUrl;
  const name = throwaway ? `aff_bench_${process.pid}` : decodeURIComponent(new URL(options.databaseUrl!).pathname.slice(1));
  const url = options.databaseUrl ?? withDatabase(options.adminUrl, name);
  // The admin connection lives as long as the run: it creates/drops the database and lists backends.
  const admin = postgres(throwaway ? options.adminUrl : url, { max: 1, onnotice: () => {}, connection: { application_name: "aff_bench" } });
  try {
    if (throwaway) {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(`create database "${name}"`);
    }
    const [row] = await admin<{ server_version: string }[]>`show server_version`;
    let closed = false;
    return {
      url,
      name,
      throwaway,
      version: row!.server_version,
      async appBackendPids() {
        const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name} and application_name = 'affiliates'`;
        return rows.map((r) => r.pid);
      },
      async close() {
        if (closed) return;
        closed = true;
        try {
          if (throwaway) await admin.unsafe(`drop database if exists "${name}" with (force)`);
        } finally {
          await admin.end({ timeout: 5 });
        }
      },
    };
  } catch (error) {
    await admin.end({ timeout: 5 }).catch(() => {});
    throw new Error(`Cannot prepare the database ${name} on ${throwaway ? options.adminUrl : url}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
