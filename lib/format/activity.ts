import { formatMoney } from "@/lib/domain/money";
import type { CommissionType } from "@/lib/schemas/enums";
import { KEYS, TITLES } from "./activity-labels";
import { formatRate } from "./rates";

// The activity log for people: an audit row ({action, entity, details}, as lib/services write
// them through recordAudit) becomes a title, the thing it is about, and labelled fields whose
// values are money in the program's currency, names linked to their pages, statuses in words.
// Pure: the page resolves ids to names first (lib/services/audit-names.ts, one query per kind)
// and hands them in. A key this file does not know still reads: its name humanized, its value
// as text.

export const REF_KINDS = ["partner", "commission", "payout", "payout_batch", "link", "product", "category", "rate_group", "admin_user", "api_key", "customer"] as const;
export type RefKind = (typeof REF_KINDS)[number];

/** What a referenced row is called, and for partners and links the rate type their rates are in. */
export interface RefName {
  name: string;
  commissionType?: CommissionType | null;
}
export type NameBook = Partial<Record<RefKind, Map<string, RefName>>>;

export interface Part {
  text: string;
  href?: string;
}
export interface ActivityField {
  key: string;
  label: string;
  value: Part[];
}
export interface ActivityView {
  title: string;
  subject: Part | null;
  fields: ActivityField[];
}
export interface AuditRow {
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}
export interface ActivityContext {
  currency: string;
  names: NameBook;
  /** For a default rate changed without its type: the type it is in now. */
  defaultCommissionType: CommissionType;
}


const KEY_ORDER = Object.keys(KEYS);

const STATUSES: Record<string, string> = { mark_paid: "Paid", last_click: "Last click", first_click: "First click" };
const METHODS: Record<string, string> = { paypal: "PayPal", bank_transfer: "Bank transfer", stripe: "Stripe", other: "Other" };
const SCOPES: Record<string, string> = { full: "Full access", tracking: "Tracking only", publishable: "Publishable" };

/** "transactionId" → "Transaction id"; "ended_sessions" → "Ended sessions". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const counts = new Intl.NumberFormat("en-US");

/** Any value as text: for keys nobody described. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return counts.format(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length ? value.map(plainText).join(", ") : "none";
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${humanizeKey(k)}: ${plainText(v)}`)
      .join(", ");
  }
  return String(value);
}

const HREFS: Partial<Record<RefKind, (id: string) => string>> = {
  partner: (id) => `/partners/${id}`,
  commission: (id) => `/commissions/${id}`,
  payout: (id) => `/payouts/${id}`,
  payout_batch: (id) => `/payouts/batches/${id}`,
  customer: (id) => `/customers/${id}`,
  link: (id) => `/links?q=${encodeURIComponent(id)}`,
  product: (id) => `/products?q=${encodeURIComponent(id)}`,
  rate_group: () => "/products",
  admin_user: () => "/settings/team",
  api_key: () => "/settings/api-keys",
};

const FALLBACK_NAMES: Record<RefKind, string> = {
  partner: "a deleted partner",
  commission: "a commission",
  payout: "a payout",
  payout_batch: "a PayPal batch",
  link: "a deleted link",
  product: "a product",
  category: "a category",
  rate_group: "a deleted rate group",
  admin_user: "a removed admin",
  api_key: "an API key",
  customer: "a customer",
};

function refPart(kind: RefKind, id: string, ctx: ActivityContext): Part {
  const known = ctx.names[kind]?.get(id);
  const href = HREFS[kind];
  // Products and categories have the store's ids, readable themselves when no name is found.
  const text = known?.name ?? (kind === "product" || kind === "category" ? id : FALLBACK_NAMES[kind]);
  if (kind === "link" && known) return { text, href: `/links?q=${encodeURIComponent(known.name.replace(/^\/a\//, ""))}` };
  if (kind === "product") return { text, href: `/products?q=${encodeURIComponent(known?.name ?? id)}` };
  return href && (known || kind === "commission" || kind === "payout" || kind === "payout_batch") ? { text, href: href(id) } : { text };
}

interface ValueContext extends ActivityContext {
  /** The rate type a `commissionRate` or `defaultCommissionRate` of this row is in. */
  rateType: CommissionType | null;
}

function valueParts(key: string, value: unknown, ctx: ValueContext): Part[] {
  const kind = KEYS[key]?.kind;
  const text = (t: string): Part[] => [{ text: t }];
  if (value === null || value === undefined) return text(key === "commissionType" || key === "commissionRate" ? "Program default" : "—");
  if (kind === "money" && typeof value === "number") return text(formatMoney(value, ctx.currency));
  if (kind === "adjustment" && value && typeof value === "object" && typeof (value as { amount?: unknown }).amount === "number") {
    return text(formatMoney((value as { amount: number }).amount, ctx.currency));
  }
  if (kind === "count" && typeof value === "number") return text(counts.format(value));
  if (kind === "days" && typeof value === "number") return text(`${counts.format(value)} day${value === 1 ? "" : "s"}`);
  if (kind === "bool" && typeof value === "boolean") return text(value ? "On" : "Off");
  if (kind === "status" && typeof value === "string") return text(STATUSES[value] ?? humanizeKey(value));
  if (kind === "method" && typeof value === "string") return text(METHODS[value] ?? value);
  if (kind === "scope" && typeof value === "string") return text(SCOPES[value] ?? value);
  if (kind === "rateType" && typeof value === "string") return text(value === "percentage" ? "Percentage" : value === "fixed" ? "Fixed amount" : value);
  if (kind === "rate" && typeof value === "number") return text(ctx.rateType ? formatRate(ctx.rateType, value, ctx.currency) : counts.format(value));
  if (kind === "actions" && value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return text(entries.length ? entries.map(([event, amount]) => `${event}: ${typeof amount === "number" ? formatMoney(amount, ctx.currency) : plainText(amount)}`).join(", ") : "none");
  }
  if (kind === "fieldNames" && Array.isArray(value)) return text(value.map((k) => (typeof k === "string" ? (KEYS[k]?.label ?? humanizeKey(k)) : plainText(k))).join(", "));
  if (kind && typeof kind === "object" && "ref" in kind && typeof value === "string") return [refPart(kind.ref, value, ctx)];
  if (kind && typeof kind === "object" && "refs" in kind && Array.isArray(value)) {
    if (!value.length) return text("none");
    return value.flatMap((id, i) => [...(i ? [{ text: ", " }] : []), typeof id === "string" ? refPart(kind.refs, id, ctx) : { text: plainText(id) }]);
  }
  return text(plainText(value));
}

function labelOf(key: string): string {
  return KEYS[key]?.label ?? humanizeKey(key);
}

/** The rate type the row's rates are in: from its own change, else what the partner or link (or program) has now. */
function rateTypes(row: AuditRow, ctx: ActivityContext): { from: CommissionType | null; to: CommissionType | null } {
  const changes = row.details.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  const typeKey = row.entityType === "program_settings" ? "defaultCommissionType" : "commissionType";
  const change = changes?.[typeKey];
  if (change) return { from: (change.from as CommissionType | null) ?? null, to: (change.to as CommissionType | null) ?? null };
  const own = row.details[typeKey];
  if (typeof own === "string") return { from: own as CommissionType, to: own as CommissionType };
  const now =
    row.entityType === "program_settings"
      ? ctx.defaultCommissionType
      : row.entityId && (row.entityType === "partner" || row.entityType === "link")
        ? (ctx.names[row.entityType]?.get(row.entityId)?.commissionType ?? null)
        : null;
  return { from: now, to: now };
}

const SUBJECT_KINDS: Record<string, RefKind> = {
  partner: "partner",
  commission: "commission",
  payout: "payout",
  payout_batch: "payout_batch",
  link: "link",
  product: "product",
  rate_group: "rate_group",
  admin_user: "admin_user",
  api_key: "api_key",
  customer: "customer",
};

function subjectOf(row: AuditRow, ctx: ActivityContext): Part | null {
  if (row.entityType === "program_settings") return { text: "Program settings", href: "/settings" };
  if (row.entityType === "order" && row.entityId) return { text: `Order ${row.entityId}`, href: `/commissions?q=${encodeURIComponent(row.entityId)}` };
  const kind = SUBJECT_KINDS[row.entityType];
  if (!kind || !row.entityId) return null;
  return refPart(kind, row.entityId, ctx);
}

// Details that repeat what the subject already names, per entity type.
const SAME_AS_SUBJECT: Record<string, string[]> = { partner: ["email"], admin_user: ["email"], api_key: ["name"], product: ["name"], rate_group: ["name"] };

export function formatActivity(row: AuditRow, ctx: ActivityContext): ActivityView {
  const { actor: _actor, changes, ...rest } = row.details as { actor?: unknown; changes?: unknown };
  const types = rateTypes(row, ctx);
  const fields: ActivityField[] = [];
  const hidden = new Set(SAME_AS_SUBJECT[row.entityType] ?? []);
  for (const [key, value] of Object.entries(rest)) {
    if (hidden.has(key) && ctx.names[SUBJECT_KINDS[row.entityType]!]?.has(row.entityId ?? "")) continue;
    fields.push({ key, label: labelOf(key), value: valueParts(key, value, { ...ctx, rateType: types.to }) });
  }
  if (changes && typeof changes === "object") {
    for (const [key, change] of Object.entries(changes as Record<string, unknown>)) {
      const isChange = change && typeof change === "object" && "from" in change && "to" in change;
      if (!isChange) {
        fields.push({ key, label: labelOf(key), value: valueParts(key, change, { ...ctx, rateType: types.to }) });
        continue;
      }
      const { from, to } = change as { from: unknown; to: unknown };
      fields.push({
        key,
        label: labelOf(key),
        value: [...valueParts(key, from, { ...ctx, rateType: types.from }), { text: " → " }, ...valueParts(key, to, { ...ctx, rateType: types.to })],
      });
    }
  }
  const rank = (key: string) => (key in KEYS ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  const ordered = fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.key) - rank(b.f.key) || a.i - b.i).map(({ f }) => f);
  return { title: TITLES[row.action] ?? humanizeKey(row.action), subject: subjectOf(row, ctx), fields: ordered };
}

/** Every id the rows mention, by kind: what the page looks up (one query per kind). */
export function activityRefs(rows: AuditRow[]): Record<RefKind, string[]> {
  const found = Object.fromEntries(REF_KINDS.map((k) => [k, new Set<string>()])) as Record<RefKind, Set<string>>;
  for (const row of rows) {
    const subject = SUBJECT_KINDS[row.entityType];
    if (subject && row.entityId) found[subject].add(row.entityId);
    const { changes, ...rest } = row.details as { changes?: Record<string, unknown> };
    const values: [string, unknown][] = [...Object.entries(rest)];
    if (changes && typeof changes === "object") {
      for (const [key, change] of Object.entries(changes)) {
        if (change && typeof change === "object" && "from" in change) {
          const { from, to } = change as { from: unknown; to?: unknown };
          values.push([key, from], [key, to]);
        } else values.push([key, change]);
      }
    }
    for (const [key, value] of values) {
      const kind = KEYS[key]?.kind;
      if (!kind || typeof kind !== "object") continue;
      const kindName = "ref" in kind ? kind.ref : kind.refs;
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === "string") found[kindName].add(id);
    }
  }
  return Object.fromEntries(REF_KINDS.map((k) => [k, [...found[k]]])) as Record<RefKind, string[]>;
}

/** The view as one line of text (the CSV export, screen readers, tests). */
export function activityText(view: ActivityView): string {
  return view.fields.map((f) => `${f.label}: ${f.value.map((p) => p.text).join("")}`).join("; ");
}
