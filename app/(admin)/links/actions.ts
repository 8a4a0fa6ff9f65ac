"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { adminAction, formStateFromError } from "@/lib/auth/admin-action";
import { adminActor } from "@/lib/auth/admin";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/schemas/form-state";
import { linkFormField, parseLinkForm } from "@/lib/schemas/links";
import { createLink, deleteLink, updateLink } from "@/lib/services/links";
import { getSettings } from "@/lib/services/settings";

const NOT_SAVED = "Nothing was saved: check the highlighted fields.";

/** A service error with field details, as the form's field names. */
function formError(error: unknown): FormState {
  const state = formStateFromError(error);
  if (!(error instanceof AppError) || !error.details?.length) return state;
  const fieldErrors: Record<string, string> = {};
  for (const d of error.details) fieldErrors[linkFormField(d.field)] ??= d.message;
  return { ok: false, message: NOT_SAVED, fieldErrors };
}

export const createLinkAction = adminAction(async (admin, formData) => {
  const db = await getDb();
  const parsed = parseLinkForm(formData, (await getSettings(db)).currency);
  if (!parsed.ok) return { ok: false, message: NOT_SAVED, fieldErrors: parsed.errors };
  try {
    const link = await createLink(db, adminActor(admin), parsed.values, "admin");
    revalidatePath("/links");
    return { ok: true, message: `Link ${link.url} created.`, values: { url: link.url } };
  } catch (error) {
    return formError(error);
  }
});

export const updateLinkAction = adminAction(async (admin, formData) => {
  const db = await getDb();
  const parsed = parseLinkForm(formData, (await getSettings(db)).currency, { requirePartner: false });
  if (!parsed.ok) return { ok: false, message: NOT_SAVED, fieldErrors: parsed.errors };
  const { destinationUrl, commissionType, commissionRate } = parsed.values;
  try {
    await updateLink(db, adminActor(admin), String(formData.get("id") ?? ""), { destinationUrl, commissionType, commissionRate });
    revalidatePath("/links");
    return { ok: true, message: "Link saved." };
  } catch (error) {
    return formError(error);
  }
});

export const deleteLinkAction = adminAction(async (admin, formData) => {
  const { slug } = await deleteLink(await getDb(), adminActor(admin), String(formData.get("id") ?? ""));
  revalidatePath("/links");
  return { ok: true, message: `Link /a/${slug} deleted.` };
});
