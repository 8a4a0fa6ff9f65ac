import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import { appUrl } from "@/lib/env";

// The Overview's getting-started checklist for a new program. Each step is read from the
// data it is about, never ticked by hand: a step is done exactly when what it asks for exists,
// so the checklist cannot disagree with the rest of the console.

export type ChecklistStepId = "store-url" | "snippet" | "api-key" | "partner" | "test-connection" | "first-sale";

export interface ChecklistStep {
  id: ChecklistStepId;
  title: string;
  /** What to do, in one sentence. */
  hint: string;
  /** Where it is done. */
  href: string;
  done: boolean;
}

/** The column default in db/schema/program.ts: the app's own address, never the store's. */
export const DEFAULT_STORE_URL = "http://localhost:3000/";

const sameUrl = (a: string, b: string) => a.trim().replace(/\/+$/, "").toLowerCase() === b.trim().replace(/\/+$/, "").toLowerCase();

export async function getGettingStarted(db: Db, app: string = appUrl()): Promise<ChecklistStep[]> {
  const [row] = await queryRows<{
    store_url: string;
    clicks: boolean;
    api_keys: boolean;
    partners: boolean;
    connected: boolean;
    orders: boolean;
  }>(
    db,
    sql`select (select store_url from program_settings where id = 1) as store_url,
               exists (select 1 from clicks) as clicks,
               exists (select 1 from api_keys where revoked_at is null) as api_keys,
               exists (select 1 from partners) as partners,
               -- A test connection is a ping the tracking API answered; a store already sending
               -- sales or leads evidently is connected too (the log keeps 14 days: pings age out).
               exists (select 1 from tracking_events where kind in ('ping', 'sale', 'lead', 'refund') and status < 400) as connected,
               exists (select 1 from orders) as orders`,
  );
  if (!row) throw new Error("program_settings row 1 is missing");
  const storeUrlSet = !sameUrl(row.store_url, DEFAULT_STORE_URL) && !sameUrl(row.store_url, app);
  return [
    { id: "store-url", title: "Set your store's address", hint: "Links send shoppers there; it starts as this app's own address.", href: "/settings", done: storeUrlSet },
    { id: "snippet", title: "Put the snippet on your store", hint: "Done when the first referred click arrives.", href: "/settings/integration", done: row.clicks },
    { id: "api-key", title: "Create an API key", hint: "Your store's server reports sales with it.", href: "/settings/api-keys", done: row.api_keys },
    { id: "partner", title: "Add a partner", hint: "Or open applications so partners can apply.", href: "/partners/new", done: row.partners },
    { id: "test-connection", title: "Test the connection", hint: "Send a test from Settings → Integration (or from your server).", href: "/settings/integration", done: row.connected },
    { id: "first-sale", title: "Record the first sale", hint: "Done when your store reports one, or record one by hand.", href: "/commissions/new", done: row.orders },
  ];
}
