import { z } from "zod";
import { COMMISSION_ACTIONS, ACTION_DONE, type CommissionAction } from "@/lib/domain/commission-status";
import { localDate, localMidnight } from "@/lib/domain/date-range";
import { parseMoney } from "@/lib/domain/money";
import { localDateSchema } from "./date-range";
import { COMMISSION_STATUSES } from "./enums";
import { optionalEnum, optionalUuid } from "./list-params";
import type { SaleBody } from "./tracking";

// Inputs of the Commissions pages: the list's URL, status changes (one or many), and the
// manual sale form. Safe to import from client code.

/** A YYYY-MM-DD day in the program's time zone; anything else means "no bound". */
export const optionalDay = localDateSchema.optional().catch(undefined);

export const commissionListSpec = {
  sortable: ["date", "amount", "status"] as const,
  defaultSort: "date" as const,
  defaultDir: "desc" as const,
  filters: { status: optionalEnum(COMMISSION_STATUSES), partner: optionalUuid, from: optionalDay, to: optionalDay },
};

const reasonSchema = z.string().trim().max(500, { error: "At most 500 characters." });
const voidReasonMessage = "Say why this commission is void (the partner sees it).";

function requireReasonForVoid(value: { action: CommissionAction; reason?: string }, ctx: z.RefinementCtx) {
  if (value.action === "void" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: voidReasonMessage });
}

export const commissionActionSchema = z
  .object({
    id: z.uuid({ error: "No commission with this id." }),
    action: z.enum(COMMISSION_ACTIONS, { error: "Unknown action." }),
    reason: reasonSchema.optional().transform((r) => r || undefined),
    /**
     * The status the merchant saw when choosing the action. When it has changed since (another
     * admin, the hold period, a refund), nothing is done: the choice was made on stale facts.
     */
    expected: z.enum(COMMISSION_STATUSES).optional().catch(undefined),
  })
  .superRefine(requireReasonForVoid);
export type CommissionActionInput = z.infer<typeof commissionActionSchema>;

export const MAX_BULK = 500;

export const bulkCommissionActionSchema = z
  .object({
    ids: z
      .array(z.uuid({ error: "No commission with this id." }))
      .min(1, { error: "Select at least one commission." })
      .max(MAX_BULK, { error: `At most ${MAX_BULK} at once.` })
      .transform((ids) => [...new Set(ids)]),
    action: z.enum(COMMISSION_ACTIONS, { error: "Unknown action." }),
    reason: reasonSchema.optional().transform((r) => r || undefined),
  })
  .superRefine(requireReasonForVoid);
export type BulkCommissionActionInput = z.infer<typeof bulkCommissionActionSchema>;

export interface BulkResult {
  action: CommissionAction;
  changed: number;
  /** Why the others were left alone, with how many each: [{reason: "not pending", count: 3}]. */
  skipped: { reason: string; count: number }[];
}

/** "12 approved, 3 skipped: not pending" */
export function bulkSummary(result: BulkResult): string {
  const done = `${result.changed} ${ACTION_DONE[result.action]}`;
  const skippedCount = result.skipped.reduce((n, s) => n + s.count, 0);
  if (!skippedCount) return done;
  const reasons = result.skipped.length === 1 ? result.skipped[0]!.reason : result.skipped.map((s) => `${s.count} ${s.reason}`).join(", ");
  return `${done}, ${skippedCount} skipped: ${reasons}`;
}

/** Form fields of the manual sale: typed values, amounts as the merchant writes them ("49.99"). */
export interface ManualSaleForm {
  partnerId?: string;
  orderId?: string;
  amount?: string;
  customerEmail?: string;
  /** YYYY-MM-DD in the program's time zone; empty = today. */
  saleDate?: string;
  items?: { productId?: string; quantity?: string; amount?: string }[];
}

/** The program's clock: "today" and the sale date are days in its time zone. */
export interface SaleClock {
  timeZone: string;
  now: Date;
}

/**
 * When a sale of this local date happened: now for today (the usual case, and the order
 * of today's sales stays true), local noon for a past day (inside that day whatever the
 * daylight-saving shifts). Null with the reason when the date is unreadable or in the future.
 */
export function saleInstant(raw: string, clock: SaleClock): { at: Date } | { error: string } {
  const today = localDate(clock.now, clock.timeZone);
  const date = raw === "" ? today : raw;
  if (!localDateSchema.safeParse(date).success) return { error: "Enter the sale date as YYYY-MM-DD." };
  if (date > today) return { error: "The sale date cannot be in the future." };
  if (date === today) return { at: clock.now };
  return { at: new Date(localMidnight(date, clock.timeZone).getTime() + 12 * 3_600_000) };
}

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/**
 * The manual sale form → the body the tracking API takes (amounts in minor units), or field
 * errors named as the form's fields. Item rows left entirely blank are ignored.
 */
export function manualSaleBody(
  form: ManualSaleForm,
  currency: string,
  clock: SaleClock,
): { partnerId: string; body: SaleBody; occurredAt: Date; field: (apiField: string) => string } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const partnerId = text(form.partnerId);
  if (!z.uuid().safeParse(partnerId).success) errors.partnerId = "Pick the partner who made this sale.";
  const orderId = text(form.orderId);
  if (!orderId) errors.orderId = "Enter the store's order id.";
  else if (orderId.length > 200) errors.orderId = "At most 200 characters.";

  const money = (value: unknown, field: string, what: string) => {
    const raw = text(value);
    if (!raw) {
      errors[field] = `Enter the ${what}, e.g. 49.99.`;
      return 0;
    }
    const minor = parseMoney(raw, currency);
    if (minor === null) errors[field] = `Enter an amount in ${currency}, e.g. 49.99.`;
    return minor ?? 0;
  };
  const amount = money(form.amount, "amount", "order amount");

  const when = saleInstant(text(form.saleDate), clock);
  if ("error" in when) errors.saleDate = when.error;

  const email = text(form.customerEmail).toLowerCase();
  if (email && !z.email().safeParse(email).success) errors.customerEmail = "Enter a valid email address, or leave it empty.";

  const items: NonNullable<SaleBody["items"]> = [];
  const itemRows: number[] = [];
  (form.items ?? []).forEach((item, i) => {
    const productId = text(item.productId);
    const quantityText = text(item.quantity);
    if (!productId && !quantityText && !text(item.amount)) return;
    if (!productId) errors[`items.${i}.productId`] = "Enter the product id.";
    const quantity = quantityText === "" ? 1 : Number(quantityText);
    if (!Number.isInteger(quantity) || quantity < 1) errors[`items.${i}.quantity`] = "A whole number, at least 1.";
    const lineAmount = money(item.amount, `items.${i}.amount`, "line amount");
    items.push({ productId, quantity, amount: lineAmount });
    itemRows.push(i);
  });

  if (Object.keys(errors).length || "error" in when) return { errors };
  const body: SaleBody = { orderId, amount, currency, ...(email ? { customer: { email } } : {}), ...(items.length ? { items } : {}) };
  // A field the tracking API's rules name ("customer.email", "items.0.amount") → the form's.
  const field = (apiField: string) => {
    if (apiField.startsWith("customer")) return "customerEmail";
    const item = /^items\.(\d+)\.(\w+)$/.exec(apiField);
    if (item) return `items.${itemRows[Number(item[1])] ?? item[1]}.${item[2]}`;
    return apiField;
  };
  return { partnerId, body, occurredAt: when.at, field };
}
