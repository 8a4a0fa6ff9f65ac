import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { partners } from "@/db/schema";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { client, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { applyAsPartner } from "./partner-applications";
import { findPartnerByToken, signInPartner } from "./portal-access";
import { isPortalSessionValid } from "./portal-sessions";

const t = setupTestDatabase();
const PASSWORD = "lantern-orbit-7421";

function application(overrides: Record<string, unknown> = {}) {
  return { name: "Ada Applicant", email: `${uid("ada-")}@example.com`, website: "https://ada.example.com", notes: "I run a cooking blog.", password: PASSWORD, confirm: PASSWORD, ...overrides };
}

describe("applying at /apply", () => {
  test("is refused while applications are closed (the default)", async () => {
    expect((await settings(t.db)).applicationsOpen).toBe(false);
    const email = `${uid("closed-")}@example.com`;
    await expect(applyAsPartner(t.db, application({ email }), client())).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.db.select().from(partners).where(eq(partners.email, email))).toEqual([]);
  });

  test("creates a pending partner who can sign in to their own dashboard", async () => {
    await settings(t.db, { applicationsOpen: true });
    const input = application();
    const result = await applyAsPartner(t.db, input, client());
    const [row] = await t.db.select().from(partners).where(eq(partners.id, result.partnerId));
    expect(row).toMatchObject({ status: "pending", email: input.email, approvedAt: null });
    expect(row!.notes).toContain("https://ada.example.com");
    expect(row!.notes).toContain("cooking blog");
    const token = result.dashboardUrl.split("/p/")[1]!;
    expect(await findPartnerByToken(t.db, token)).toMatchObject({ id: result.partnerId, status: "pending", hasPassword: true });
    expect(await isPortalSessionValid(t.db, result.sessionId, result.partnerId)).toBe(true);
    expect((await signInPartner(t.db, result.partnerId, PASSWORD, client())).ok).toBe(true);
  });

  test("an email already in the program is named on the email field, and nothing is created", async () => {
    await settings(t.db, { applicationsOpen: true });
    const input = application();
    await applyAsPartner(t.db, input, client());
    const again = await applyAsPartner(t.db, application({ email: input.email.toUpperCase(), name: "Someone Else" }), client()).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).details?.[0]?.field).toBe("email");
    expect(await t.db.select().from(partners).where(eq(partners.email, input.email))).toHaveLength(1);
  });

  test.each([
    [{ name: "" }, "name"],
    [{ email: "nope" }, "email"],
    [{ website: "javascript:alert(1)" }, "website"],
    [{ password: "short", confirm: "short" }, "password"],
    [{ confirm: "something-else-1" }, "confirm"],
  ])("%j is refused on %s", async (overrides, field) => {
    await settings(t.db, { applicationsOpen: true });
    const error = await applyAsPartner(t.db, application(overrides), client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).details?.map((d) => d.field)).toContain(field);
  });
});
