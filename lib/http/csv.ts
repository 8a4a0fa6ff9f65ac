import Papa from "papaparse";

/**
 * A CSV download. Cells that a spreadsheet would run as a formula (=, +, -, @) are escaped,
 * since partner names and notes come from outside.
 */
export function csvResponse(filename: string, rows: Record<string, unknown>[], columns: string[]): Response {
  const body = Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? "")) }, { escapeFormulae: true });
  return new Response("\uFEFF" + body + "\r\n", {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
