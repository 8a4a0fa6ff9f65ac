"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adminAction } from "@/lib/auth/admin-action";
import { adminActor } from "@/lib/auth/admin";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/schemas/form-state";
import { parsePartnerForm, partnerFormFieldFor } from "@/lib/schemas/partner-form";
import { PARTNER_STATUS_ACTIONS, type PartnerStatusAction } from "@/lib/schemas/partners";
import { changePartnerStatus, resetPartnerAccess } from "@/lib/services/partner-status";
import { addPartner, updatePartner } from "@/lib/services/partners";
import { getSettings } from "@/lib/services/settings";

const NOT_SAVED = "Nothing was saved: check the highlighted fields.";

/** Runs a partner save; a typed error with field details becomes messages under the form's inputs. */
async function savePartner(formData: FormData, save: (input: Record<string, unknown>) => Promise<{ id: string; name: string }>): Promise<FormState & { id?: string }> {
  const { currency } = await getSettings(await getDb());
  const parsed = parsePartnerForm(formData, currency);
  if (!parsed.ok) return { ok: false, message: NOT_SAVED, fieldErrors: parsed.errors };
  try {
    const saved = await save(parsed.input);
    revalidatePath("/partners", "layout");
    return { ok: true, message: `${saved.name} was saved.`, id: saved.id };
  } catch (error) {
    if (!(error instanceof AppError) || !error.details?.length) throw error;
    const fieldErrors: Record<string, string> = {};
    for (const d of error.details) fieldErrors[partnerFormFieldFor(d.field, String(parsed.input.payoutMethod ?? ""))] ??= d.message;
    return { ok: false, message: NOT_SAVED, fieldErrors };
  }
}

const create = adminAction(async (admin, formData) => savePartner(formData, async (input) => addPartner(await getDb(), adminActor(admin), input)));

export async function createPartnerAction(previous: FormState, formData: FormData): Promise<FormState> {
  const result = await create(previous, formData);
  // Outside adminAction: redirect() works by throwing, which the wrapper would report as a failure.
  if (result.ok && "id" in result && result.id) redirect(`/partners/${result.id}`);
  return result;
}

const update = adminAction(async (admin, formData) =>
  savePartner(formData, async (input) => updatePartner(await getDb(), adminActor(admin), String(formData.get("id") ?? ""), input)),
);

export async function updatePartnerAction(previous: FormState, formData: FormData): Promise<FormState> {
  const result = await update(previous, formData);
  if (result.ok && "id" in result && result.id) redirect(`/partners/${result.id}`);
  return result;
}

const statusActionSchema = z.enum(Object.keys(PARTNER_STATUS_ACTIONS) as [PartnerStatusAction, ...PartnerStatusAction[]]);

const DONE: Record<PartnerStatusAction, string> = { approve: "approved", reject: "rejected", suspend: "suspended", reinstate: "reinstated" };

export const partnerStatusAction = adminAction(async (admin, formData) => {
  const action = statusActionSchema.safeParse(formData.get("action"));
  if (!action.success) return { ok: false, message: "Unknown action." };
  const partner = await changePartnerStatus(await getDb(), adminActor(admin), String(formData.get("id") ?? ""), action.data);
  revalidatePath("/partners", "layout");
  return { ok: true, message: `${partner.name} was ${DONE[action.data]}.` };
});

export const resetPartnerPasswordAction = adminAction(async (admin, formData) => {
  await resetPartnerAccess(await getDb(), adminActor(admin), String(formData.get("id") ?? ""));
  revalidatePath("/partners", "layout");
  return { ok: true, message: "A new dashboard URL was made. Send it to the partner: they will choose a new password." };
});
