"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adminAction } from "@/lib/auth/admin-action";
import { adminActor } from "@/lib/auth/admin";
import { InvalidError } from "@/lib/errors";
import { parseSettingsForm, settingsFieldFor } from "@/lib/schemas/settings-form";
import { updateSettings } from "@/lib/services/settings";

// The hold-period box (hold-period-field.tsx): present and "on" only when ticked.
const applyHoldSchema = z.literal("on").nullable();

export const saveSettingsAction = adminAction(async (admin, formData) => {
  const parsed = parseSettingsForm(formData);
  const applyHold = applyHoldSchema.safeParse(formData.get("applyHoldToPending"));
  if (!applyHold.success) return { ok: false, message: "Nothing was saved: check the highlighted fields.", fieldErrors: { holdDays: "Tick the box or leave it empty." } };
  if (!parsed.ok) return { ok: false, message: "Nothing was saved: check the highlighted fields.", fieldErrors: parsed.errors };
  try {
    await updateSettings(await getDb(), adminActor(admin), parsed.patch, { applyHoldToPending: applyHold.data === "on" });
  } catch (error) {
    if (!(error instanceof InvalidError)) throw error;
    const fieldErrors: Record<string, string> = {};
    for (const d of error.details ?? []) fieldErrors[settingsFieldFor(d.field)] ??= d.message;
    return { ok: false, message: "Nothing was saved: check the highlighted fields.", fieldErrors };
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "Settings saved." };
});
