import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { findPartnerByEmail } from "@/lib/services/partner-lookup";
import { storedDashboardUrl } from "@/lib/services/partner-view";
import { sealLegacyDashboardTokens } from "@/lib/services/dashboard-token-seal";
import { parseOptions } from "../args";
import type { Command } from "../types";

export const partnerDashboardUrl: Command = {
  path: ["partner", "dashboard-url"],
  usage: "partner dashboard-url --email E",
  summary: "Print the partner's private dashboard URL (to send to them).",
  async run(args, io) {
    const { email } = parseOptions(args, ["email"], z.object({ email: z.string({ error: "is required" }).trim().min(1, { error: "is required" }) }));
    const { db, close } = await io.openDb();
    try {
      // A database upgraded but not yet started holds tokens from before they were sealed.
      await sealLegacyDashboardTokens(db);
      const partner = await findPartnerByEmail(db, email);
      if (!partner) throw new NotFoundError(`No partner with the email ${email}.`);
      const url = storedDashboardUrl(partner.dashboardTokenSealed);
      if (!url) {
        throw new NotFoundError(
          `The dashboard URL of ${email} was stored under another NEXTAUTH_SECRET and cannot be shown; it still works. Reset the partner's password in the console to issue a new one.`,
        );
      }
      io.out(url);
      return 0;
    } finally {
      await close();
    }
  },
};
