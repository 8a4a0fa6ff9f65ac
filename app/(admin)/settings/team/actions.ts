"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { adminAction } from "@/lib/auth/admin-action";
import { adminActor } from "@/lib/auth/admin";
import { changeAdminPassword, createAdmin, deleteAdmin } from "@/lib/services/admin-users";

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

export const changePasswordAction = adminAction(async (admin, formData) => {
  if (formData.get("password") !== formData.get("confirm")) {
    return { ok: false, message: "Nothing was changed.", fieldErrors: { confirm: "The two passwords differ." } };
  }
  await changeAdminPassword(await getDb(), adminActor(admin), admin.id, formData.get("password"));
  return { ok: true, message: "Your password was changed." };
});
