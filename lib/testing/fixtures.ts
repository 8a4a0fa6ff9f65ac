import { randomBytes } from "node:crypto";
import type { Db } from "@/db/types";
import type { ProgramSettings } from "@/lib/schemas/settings";
import type { SaleBody } from "@/lib/schemas/tracking";
import { SYSTEM, type Actor } from "@/lib/services/actor";
import { createApiKey } from "@/lib/services/api-keys";
import { createLink } from "@/lib/services/links";
import { createPartner } from "@/lib/services/partners";
import { getSettings, updateSettings } from "@/lib/services/settings";
import { recordClick } from "@/lib/services/tracking/clicks";
import { resolveRef } from "@/lib/services/tracking/resolve-ref";
import { recordSale } from "@/lib/services/tracking/sales";
import type { ApiKeyScope } from "@/lib/schemas/enums";
import type { RequestClient } from "@/lib/services/address-limits";

// Builders for database tests: real rows through the real services.

export const API_ACTOR: Actor = { type: "api", id: "00000000-0000-4000-8000-00000000a91e", label: "API key test" };

export function uid(prefix = ""): string {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

export async function partner(db: Db, overrides: Record<string, unknown> = {}) {
  const name = uid("Partner ");
  return createPartner(db, SYSTEM, { name, email: `${uid("p")}@example.com`, ...overrides });
}

export async function link(db: Db, partnerId: string, overrides: Record<string, unknown> = {}) {
  return createLink(db, SYSTEM, { partnerId, destinationUrl: "https://shop.example.com/product", ...overrides });
}

export async function click(db: Db, ref: string, overrides: { visitorId?: string; ipHash?: string | null; userAgent?: string | null; now?: Date } = {}) {
  const target = await resolveRef(db, ref);
  if (!target) throw new Error(`unknown ref ${ref}`);
  return recordClick(db, { target, ipHash: null, userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1.15", ...overrides });
}

export async function settings(db: Db, patch: Partial<ProgramSettings> = {}): Promise<ProgramSettings> {
  if (Object.keys(patch).length) await updateSettings(db, SYSTEM, patch);
  return getSettings(db);
}

export async function sale(db: Db, body: Partial<SaleBody> = {}, options: { now?: Date; partnerId?: string } = {}) {
  return recordSale(db, { orderId: uid("order-"), amount: 10_000, ...body }, { actor: API_ACTOR, settings: await getSettings(db), ...options });
}

/** A caller of a public form from an address no other test uses (the limits count per address). */
export function client(): RequestClient {
  return { address: `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 254)}` };
}

/** A key's secret; `full` unless a scope is given. */
export async function apiKey(db: Db, scope: ApiKeyScope = "full") {
  return (await createApiKey(db, SYSTEM, { name: uid("key "), scope })).secret;
}
