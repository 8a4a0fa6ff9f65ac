import type { Samples } from "./large-database";

// Every admin page bench:pages opens, with the filters, sorts and depths that make the
// database work hardest on a large program. `rows` says how to count what the page shows:
// the data-table rows in the HTML, or the lines of a CSV.

export interface BenchPage {
  label: string;
  path: string;
  rows: "table" | "csv" | "none";
  /** Baselines are requested without the session cookie and are not held to the budget. */
  baseline?: boolean;
  /** A download of tens of thousands of rows: timed and shown, not held to a page's budget. */
  bulk?: boolean;
}

function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

export function adminPages(s: Samples): BenchPage[] {
  const q = (text: string) => encodeURIComponent(text);
  const yearAgo = daysBefore(s.lastDay, 364);
  const monthAgo = daysBefore(s.lastDay, 29);
  const table = (label: string, path: string): BenchPage => ({ label, path, rows: "table" });
  const csv = (label: string, path: string): BenchPage => ({ label, path, rows: "csv" });
  return [
    { label: "baseline: /api/health", path: "/api/health", rows: "none", baseline: true },
    { label: "baseline: /login", path: "/login", rows: "none", baseline: true },

    table("/overview (30d)", "/overview?range=30d"),
    table("/overview (12m)", "/overview?range=12m"),
    table("/overview (custom 365 days)", `/overview?range=custom&from=${yearAgo}&to=${s.lastDay}`),

    table("/partners", "/partners"),
    ...["name", "clicks", "conversions", "revenue", "commissions", "balance"].map((sort) => table(`/partners sort=${sort} desc`, `/partners?sort=${sort}&dir=desc`)),
    table("/partners search name", `/partners?q=${q(s.partnerName.split(" ")[0]!)}`),
    table("/partners search coupon", `/partners?q=${q(s.couponCode)}`),
    table("/partners page=200", "/partners?page=200"),
    table("/partners/<biggest>", `/partners/${s.partnerId}`),

    table("/customers", "/customers"),
    table("/customers sort=revenue desc", "/customers?sort=revenue&dir=desc"),
    table("/customers sort=orders desc", "/customers?sort=orders&dir=desc"),
    table("/customers search", `/customers?q=${q(s.customerWord)}`),
    table("/customers/<id>", `/customers/${s.customerId}`),

    table("/commissions", "/commissions"),
    table("/commissions status=approved", "/commissions?status=approved"),
    table("/commissions partner=<biggest>", `/commissions?partner=${s.partnerId}`),
    table("/commissions last 30 days", `/commissions?from=${monthAgo}&to=${s.lastDay}`),
    table("/commissions search order id", `/commissions?q=${q(s.orderExternalId)}`),

    table("/clicks", "/clicks"),
    table("/clicks partner=<biggest>", `/clicks?partner=${s.partnerId}`),
    table("/clicks status=declined", "/clicks?status=declined"),
    table("/clicks converted=yes", "/clicks?converted=yes"),
    table("/clicks page=200", "/clicks?page=200"),

    table("/links", "/links"),
    table("/products", "/products"),
    table("/payouts", "/payouts"),
    table("/settings", "/settings"),

    csv("CSV partners status=approved", "/api/admin/partners/export?status=approved"),
    csv("CSV customers partner=<biggest>", `/api/admin/customers?partner=${s.partnerId}`),
    csv("CSV commissions partner=<biggest>", `/api/admin/commissions?partner=${s.partnerId}`),
    csv("CSV clicks partner=<biggest>, 30 days", `/api/admin/clicks?partner=${s.partnerId}&from=${monthAgo}&to=${s.lastDay}`),
    { ...csv("CSV clicks partner=<biggest>, all (bulk)", `/api/admin/clicks?partner=${s.partnerId}`), bulk: true },
  ];
}
