// GET /api/admin/payouts/batches/<id>/paypal: a PayPal batch's mass-payout CSV (admin session
// required), the same bytes every time: its lines were fixed when the batch was made. PayPal's
// upload format has no header row: email, amount in major units ("12.50"), currency, unique
// id, note, "PAYPAL".
import Papa from "papaparse";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/http/with-admin";
import { batchFile } from "@/lib/services/payout-batch-list";

export const GET = withAdmin<{ params: Promise<{ id: string }> }>(async (_request, _admin, { params }) => {
  const { id } = await params;
  const lines = await batchFile(await getDb(), id);
  // No BOM and no header: PayPal reads the first line as a payment. Formula-like cells are
  // escaped all the same, since notes and emails come from outside.
  const body = Papa.unparse(lines, { escapeFormulae: true }) + "\r\n";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="paypal-batch-${id.slice(0, 8)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
