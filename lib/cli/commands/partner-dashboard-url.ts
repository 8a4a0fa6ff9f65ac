import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { findPartnerByEmail } from "@/lib/services/partner-lookup";
import { dashboardUrl } from "@/lib/services/partner-view";
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
      const partner = await findPartnerByEmail(db, email);
      if (!partner) throw new NotFoundError(`No partner with the email ${email}.`);
      io.out(dashboardUrl(partner.dashboardToken));
      return 0;
    } finally {
      await close();
    }
  },
};
