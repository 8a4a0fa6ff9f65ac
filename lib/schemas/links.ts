import { z } from "zod";
import { parseMoney, parsePercent } from "@/lib/domain/money";
import type { CommissionType } from "./enums";
import { optionalUuid, parseListParams, type SearchParams } from "./list-params";
import { rateFields, refineRate } from "./partners";

// Custom links in the admin console: the list's URL (?q=&partner=&sort=created|clicks|sales|
// revenue), the edit schema, and the form that speaks in what people type ("12.5" for a
// percentage, "5.00" for a fixed amount).

export const linkListSpec = {
  sortable: ["createdAt", "clicks", "sales", "revenue"] as const,
  defaultSort: "createdAt" as const,
  defaultDir: "desc" as const,
  filters: { partner: optionalUuid },
};

export function parseLinkListParams(raw: SearchParams) {
  return parseListParams(raw, linkListSpec);
}
export type LinkListParams = ReturnType<typeof parseLinkListParams>;

/** What may change on a link: where it goes and its rate. The slug stays (it is printed and shared). */
export const linkUpdateSchema = z
  .object({
    destinationUrl: z.string().trim().pipe(z.url({ protocol: /^https?$/, error: "Expected a full http(s) URL." }).max(2048)),
    ...rateFields,
  })
  .strict()
  .superRefine(refineRate);
export type LinkUpdate = z.infer<typeof linkUpdateSchema>;

export type RateChoice = "" | CommissionType;

export interface RateFormResult {
  commissionType: CommissionType | null;
  commissionRate: number | null;
  error?: string;
}

/**
 * The rate override of a form: no type means "the partner's rate"; a percentage like 12.5
 * becomes basis points, a fixed amount like 5.00 minor units of the program's currency.
 */
export function parseRateOverride(type: string, text: string, currency: string): RateFormResult {
  if (type !== "percentage" && type !== "fixed") return { commissionType: null, commissionRate: null };
  if (type === "percentage") {
    const bps = parsePercent(text);
    if (bps === null) return { commissionType: type, commissionRate: null, error: "Enter a percentage like 12.5." };
    if (bps > 10_000) return { commissionType: type, commissionRate: null, error: "A percentage is at most 100 %." };
    return { commissionType: type, commissionRate: bps };
  }
  const minor = parseMoney(text, currency);
  if (minor === null) return { commissionType: type, commissionRate: null, error: `Enter an amount in ${currency}, like 5.00.` };
  return { commissionType: type, commissionRate: minor };
}

export type LinkFormResult =
  | { ok: true; values: { partnerId: string; destinationUrl: string; slug?: string; commissionType: CommissionType | null; commissionRate: number | null } }
  | { ok: false; errors: Record<string, string> };

/** The New link / Edit link form → the service's input, naming each field it cannot read. */
export function parseLinkForm(form: FormData, currency: string, { requirePartner = true } = {}): LinkFormResult {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const errors: Record<string, string> = {};
  const partnerId = text("partnerId");
  if (requirePartner && !partnerId) errors.partnerId = "Pick a partner.";
  const destinationUrl = text("destinationUrl");
  if (!destinationUrl) errors.destinationUrl = "Enter the page the link leads to.";
  const rate = parseRateOverride(text("rateType"), text("rate"), currency);
  if (rate.error) errors.rate = rate.error;
  if (Object.keys(errors).length) return { ok: false, errors };
  const slug = text("slug");
  return {
    ok: true,
    values: { partnerId, destinationUrl, ...(slug ? { slug } : {}), commissionType: rate.commissionType, commissionRate: rate.commissionRate },
  };
}

/** A service error on `commissionRate`/`commissionType` belongs under the form's rate field. */
export function linkFormField(field: string): string {
  return field === "commissionRate" || field === "commissionType" ? "rate" : field;
}
