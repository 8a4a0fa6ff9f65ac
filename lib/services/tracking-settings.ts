import "server-only";
import type { Db } from "@/db/types";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { getSettings } from "./settings";

// The tracking endpoints read the program settings on every request. They change rarely,
// so each process keeps them for a moment instead of querying each time; a change made in
// this process is seen at once, one made elsewhere within TTL_MS.

const TTL_MS = 2000;
const cache = new WeakMap<object, { at: number; value: Promise<ProgramSettings> }>();

export function getTrackingSettings(db: Db, now = Date.now()): Promise<ProgramSettings> {
  const hit = cache.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = getSettings(db);
  cache.set(db, { at: now, value });
  value.catch(() => cache.delete(db));
  return value;
}

export function forgetTrackingSettings(db: Db): void {
  cache.delete(db);
}
