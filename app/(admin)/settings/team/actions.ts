"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { adminAction } from "@/lib/auth/admin-action";
import { adminActor } from "@/lib/auth/admin";
import { reissueAdminSession } from "@/lib/auth/session-cookie";
import { changeOwnPassword, createAdmin, deleteAdmin } from "@/lib/services/admin-users";

export const addAdminAction = adminAction(async (admin, formData) => {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const created = await createAdmin(await getDb(), adminActor(admin), { ...values, password: formData.get("password") });
  revalidatePath("/settings/team");
  return { ok: true, message: `${created.email} can now sign in.` };
});

export const removeAdminAction = adminAction(async (admin, formData) => {
  await deleteAdmin(await getDb(), adminActor(admin), String(formData.get("id") ?? ""));
  revalidatePath("/settings/team");
  return { ok: true, message: "Admin removed." };
});

/** The admin's own password: asks for the current one, then ends their other sessions. */
export const changePasswordAction = adminAction(async (admin, formData) => {
  const sessionVersion = await changeOwnPassword(await getDb(), admin.id, {
    current: formData.get("current"),
    password: formData.get("password"),
    confirm: formData.get("confirm"),
  });
  // This browser stays signed in; every other session of this admin has ended.
  await reissueAdminSession(sessionVersion);
  return { ok: true, message: "Your password was changed. Your other sessions have been signed out." };
});
