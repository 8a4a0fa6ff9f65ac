"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { adminAction } from "@/lib/auth/admin-action";
import { adminActor } from "@/lib/auth/admin";
import { clearDemoData, loadDemoData } from "@/lib/services/demo-data";

// The demo program's buttons on the Overview. The seed runs here, in the server process that
// already holds the database: the CLI could not open the embedded one while the server runs.

export const loadDemoDataAction = adminAction(async (admin) => {
  const result = await loadDemoData(await getDb(), adminActor(admin));
  revalidatePath("/", "layout");
  const partners = Object.values(result.partners).reduce((a, b) => a + b, 0);
  return { ok: true, message: `Demo program loaded in ${result.seconds} s: ${partners} partners and ${result.orders.total} orders over 90 days.` };
});

export const clearDemoDataAction = adminAction(async (admin) => {
  const result = await clearDemoData(await getDb(), adminActor(admin));
  revalidatePath("/", "layout");
  return { ok: true, message: `Demo data cleared: ${result.partners} partners and ${result.orders} orders removed.` };
});
