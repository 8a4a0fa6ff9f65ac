"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { adminAction, formStateFromError } from "@/lib/auth/admin-action";
import { adminActor } from "@/lib/auth/admin";
import { AppError } from "@/lib/errors";
import { catalogFormField, parseProductForm, parseRateGroupForm } from "@/lib/schemas/catalog";
import type { FormState } from "@/lib/schemas/form-state";
import { createProduct, deleteProduct, updateProduct } from "@/lib/services/catalog";
import { createRateGroup, deleteRateGroup, updateRateGroup } from "@/lib/services/rate-groups";
import { getSettings } from "@/lib/services/settings";

const NOT_SAVED = "Nothing was saved: check the highlighted fields.";

/** A service error with field details (e.g. "productIds", "commissionRate") under the form's fields. */
function formError(error: unknown): FormState {
  const state = formStateFromError(error);
  if (!(error instanceof AppError) || !error.details?.length) return state;
  const fieldErrors: Record<string, string> = {};
  for (const d of error.details) fieldErrors[catalogFormField(d.field)] ??= d.message;
  return { ok: false, message: error.status === 409 ? error.message : NOT_SAVED, fieldErrors };
}

async function currency() {
  return (await getSettings(await getDb())).currency;
}

export const saveProductAction = adminAction(async (admin, formData) => {
  const parsed = parseProductForm(formData, await currency());
  if (!parsed.ok) return { ok: false, message: NOT_SAVED, fieldErrors: parsed.errors };
  const existingId = String(formData.get("existingId") ?? "");
  try {
    const db = await getDb();
    if (existingId) await updateProduct(db, adminActor(admin), existingId, { ...parsed.values, id: undefined });
    else await createProduct(db, adminActor(admin), parsed.values);
  } catch (error) {
    return formError(error);
  }
  revalidatePath("/products");
  return { ok: true, message: existingId ? "Product saved." : `Product “${parsed.values.name}” added.` };
});

export const deleteProductAction = adminAction(async (admin, formData) => {
  const { name } = await deleteProduct(await getDb(), adminActor(admin), String(formData.get("id") ?? ""));
  revalidatePath("/products");
  return { ok: true, message: `“${name}” deleted.` };
});

export const saveRateGroupAction = adminAction(async (admin, formData) => {
  const parsed = parseRateGroupForm(formData, await currency());
  if (!parsed.ok) return { ok: false, message: NOT_SAVED, fieldErrors: parsed.errors };
  const id = String(formData.get("id") ?? "");
  try {
    const db = await getDb();
    if (id) await updateRateGroup(db, adminActor(admin), id, parsed.values);
    else await createRateGroup(db, adminActor(admin), parsed.values);
  } catch (error) {
    return formError(error);
  }
  revalidatePath("/products");
  return { ok: true, message: `Rate group “${parsed.values.name}” saved.` };
});

export const deleteRateGroupAction = adminAction(async (admin, formData) => {
  const { name } = await deleteRateGroup(await getDb(), adminActor(admin), String(formData.get("id") ?? ""));
  revalidatePath("/products");
  return { ok: true, message: `Rate group “${name}” removed.` };
});
