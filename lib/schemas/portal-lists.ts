import { z } from "zod";
import type { SearchParams } from "./list-params";

// The partner portal's lists page through the URL, each under its own name (?commissions=2
// &payouts=3 on the dashboard, ?page=&q= for the catalog), so two lists on one page keep
// their places. A value that makes no sense falls back to the first page.

export const PORTAL_PAGE_SIZE = 10;
export const CATALOG_PAGE_SIZE = 25;

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export interface PortalPage {
  page: number;
  size: number;
}

/** The page of the list named `name` (1 when absent or nonsense). */
export function parsePortalPage(raw: SearchParams, name: string, size = PORTAL_PAGE_SIZE): PortalPage {
  return { page: pageSchema.parse(first(raw[name]) ?? 1), size };
}

/** The catalog's search text and page. */
export function parseCatalogParams(raw: SearchParams): PortalPage & { q: string } {
  const q = z.string().trim().max(200).catch("").parse(first(raw.q) ?? "");
  return { q, ...parsePortalPage(raw, "page", CATALOG_PAGE_SIZE) };
}
