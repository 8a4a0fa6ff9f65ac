// GET /api/admin/clicks: the click log as CSV, with the filters of the page's URL (admin session).
import { getDb } from "@/db/client";
import { csvResponse } from "@/lib/http/csv";
import { withAdmin } from "@/lib/http/with-admin";
import { parseClickListParams } from "@/lib/schemas/click-list";
import { exportClicks } from "@/lib/services/click-list";
import { getSettings } from "@/lib/services/settings";

const COLUMNS = ["time", "partner", "referralCode", "link", "landingUrl", "referrer", "device", "browser", "os", "status", "converted", "userAgent"];

export const GET = withAdmin(async (request) => {
  const db = await getDb();
  const { filters, dir } = parseClickListParams(Object.fromEntries(request.nextUrl.searchParams));
  const settings = await getSettings(db);
  const rows = await exportClicks(db, filters, settings.timezone, dir);
  return csvResponse(
    "clicks.csv",
    rows.map((r) => ({
      time: r.createdAt.toISOString(),
      partner: r.partnerName,
      referralCode: r.referralCode,
      link: r.linkSlug ?? "referral link",
      landingUrl: r.landingUrl ?? "",
      referrer: r.referrer ?? "",
      device: r.agent?.device ?? "",
      browser: r.agent?.browser ?? "",
      os: r.agent?.os ?? "",
      status: r.declinedReason ? `declined: ${r.declinedReason}` : "counted",
      converted: r.converted ? "yes" : "no",
      userAgent: r.userAgent ?? "",
    })),
    COLUMNS,
  );
});
