// GET /api/admin/payouts/paypal?ids=<partnerId>&ids=…[&note=]: PayPal's mass-payout CSV for
// the selected due partners (admin session required). PayPal's upload format has no header
// row: email, amount in major units ("12.50"), currency, unique id, note, "PAYPAL". Partners
// left out (not paid by PayPal, no email, nothing due) are counted in X-Skipped-Count and
// named in X-Skipped (URI-encoded "name: reason; …"); the Due page names them beside the button.
import Papa from "papaparse";
import { z } from "zod";
import { getDb } from "@/db/client";
import { parseValues } from "@/lib/http/parse-body";
import { withAdmin } from "@/lib/http/with-admin";
import { selectedPartnersSchema } from "@/lib/schemas/payout-lists";
import { paypalMassPay } from "@/lib/services/payout-paypal";
import { getSettings } from "@/lib/services/settings";

const querySchema = z.object({
  ids: selectedPartnersSchema,
  note: z.string().trim().max(1000).optional(),
});

export const GET = withAdmin(async (request) => {
  const search = request.nextUrl.searchParams;
  const query = parseValues({ ids: search.getAll("ids"), note: search.get("note") ?? undefined }, querySchema);
  const db = await getDb();
  const settings = await getSettings(db);
  const file = await paypalMassPay(db, query.ids, { currency: settings.currency, minPayout: settings.minPayout, note: query.note || `${settings.name}: affiliate commissions` });
  // No BOM and no header: PayPal reads the first line as a payment. Formula-like cells are
  // escaped all the same, since notes and emails come from outside.
  const body = file.lines.length ? Papa.unparse(file.lines, { escapeFormulae: true }) + "\r\n" : "";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="paypal-payouts.csv"`,
      "Cache-Control": "no-store",
      "X-Skipped-Count": String(file.skipped.length),
      "X-Skipped": encodeURIComponent(file.skipped.map((s) => `${s.partnerName}: ${s.reason}`).join("; ")).slice(0, 4000),
    },
  });
});
