import "server-only";
import { eq } from "drizzle-orm";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/schemas/issues";
import { partnerApplicationSchema } from "@/lib/schemas/portal";
import type { Actor } from "./actor";
import { requireAddressAllowance, type RequestClient } from "./address-limits";
import { createPartner } from "./partners";
import { hashPassword } from "./passwords";
import { createPortalSession } from "./portal-sessions";
import { getSettings } from "./settings";

// The public application page /apply: a stranger becomes a `pending` partner for the
// merchant to approve, with a password already chosen so they can follow their application
// on their own dashboard (which says "pending" and shows no earnings until approved).

const APPLICANT: Actor = { type: "system", label: "application form" };

export interface Application {
  partnerId: string;
  dashboardUrl: string;
  sessionId: string;
  expiresAt: Date;
}

export async function applyAsPartner(db: Db, input: unknown, client: RequestClient): Promise<Application> {
  // Checked here, not only on the page: the form's action is a public endpoint.
  await requireAddressAllowance(db, "apply", client);
  if (!(await getSettings(db)).applicationsOpen) throw new NotFoundError("This program is not taking applications.", "applications_closed");
  const parsed = partnerApplicationSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Check the highlighted fields.", toFieldIssues(parsed.error));
  const { name, email, website, notes, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const note = [website && `Website: ${website}`, notes && `From the application: ${notes}`].filter(Boolean).join("\n\n");
  return db.transaction(async (tx) => {
    // The unique email index decides a duplicate (email_taken on the email field).
    const created = await createPartner(tx, APPLICANT, { name, email, status: "pending" });
    await tx
      .update(partners)
      .set({ passwordHash, passwordSetAt: new Date(), notes: note || null })
      .where(eq(partners.id, created.id));
    const session = await createPortalSession(tx, created.id);
    return { partnerId: created.id, dashboardUrl: created.dashboardUrl, sessionId: session.id, expiresAt: session.expiresAt };
  });
}
