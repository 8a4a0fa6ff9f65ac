import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { adminForSession, type AdminUser } from "@/lib/services/admin-users";
import type { Actor } from "@/lib/services/actor";
import { authOptions } from "./options";

// The admin trust boundary. Pages, server actions and route handlers each call one of these
// next to the data they touch; nothing relies on a layout or proxy having checked first.

/**
 * The signed-in admin, or null. A session of a removed admin counts as none, and so does one
 * issued before the admin's last password change (its session version is behind).
 */
export async function currentAdmin(): Promise<AdminUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return (await adminForSession(await getDb(), { id, sessionVersion: session.user.sessionVersion })) ?? null;
}

/** For pages and layouts: the admin, or a redirect to the sign-in page. */
export async function requireAdminPage(): Promise<AdminUser> {
  const admin = await currentAdmin();
  if (!admin) redirect("/login");
  return admin;
}

export function adminActor(admin: AdminUser): Actor {
  return { type: "admin", id: admin.id, label: admin.email };
}
