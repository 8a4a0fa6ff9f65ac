"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { adminAction } from "@/lib/auth/admin-action";
import { adminActor } from "@/lib/auth/admin";
import { createApiKey, revokeApiKey } from "@/lib/services/api-keys";

export const createApiKeyAction = adminAction(async (admin, formData) => {
  const key = await createApiKey(await getDb(), adminActor(admin), { name: formData.get("name"), scope: formData.get("scope") ?? undefined });
  revalidatePath("/settings/api-keys");
  // The secret travels back to this one response only; it is not stored anywhere.
  return { ok: true, message: `Key “${key.name}” created.`, values: { secret: key.secret, name: key.name, scope: key.scope } };
});

export const revokeApiKeyAction = adminAction(async (admin, formData) => {
  await revokeApiKey(await getDb(), adminActor(admin), String(formData.get("id") ?? ""));
  revalidatePath("/settings/api-keys");
  return { ok: true, message: "Key revoked." };
});
