import { z } from "zod";
import { emailSchema, httpUrlSchema, newPasswordSchema } from "./common";
import { PAYOUT_METHODS } from "./enums";
import { payoutDetailSchemas } from "./partners";

// Inputs of the partner portal's account pages. Safe to import from client code.

// Passwords that pass a length rule yet fall to the first guesses of any attacker.
const COMMON_PASSWORDS = new Set([
  "1234567890",
  "12345678910",
  "0123456789",
  "qwertyuiop",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou123",
  "abcdefghij",
  "letmein1234",
  "welcome123",
  "affiliate123",
  "qwerty12345",
  "1q2w3e4r5t",
]);

/** A new portal password: 10+ characters, not a famous one, not one or two characters repeated. */
export const portalPasswordSchema = newPasswordSchema
  .refine((p) => new Set(p).size >= 5, { error: "Too easy to guess: use at least 5 different characters." })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), { error: "This password is too common; pick another." });

export const setPasswordSchema = z
  .object({
    password: portalPasswordSchema,
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The passwords do not match." });
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

export const portalSignInSchema = z.object({ password: z.string().max(1000) });

/** What a partner may change about themselves: their name and how they are paid. */
export const portalSettingsSchema = z
  .object({
    name: z.string({ error: "Enter your name." }).trim().min(1, { error: "Enter your name." }).max(100, { error: "At most 100 characters." }),
    payoutMethod: z.enum(PAYOUT_METHODS, { error: "Pick a payout method." }).nullable(),
    payoutDetails: z.record(z.string(), z.string().max(500)).default({}),
  })
  .strict()
  .transform((p, ctx) => {
    if (!p.payoutMethod) return { name: p.name, payoutMethod: null, payoutDetails: {} };
    const parsed = payoutDetailSchemas[p.payoutMethod].safeParse(p.payoutDetails);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["payoutDetails", ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    const payoutDetails = Object.fromEntries(Object.entries(parsed.data as Record<string, string>).filter(([, v]) => v !== ""));
    return { name: p.name, payoutMethod: p.payoutMethod, payoutDetails };
  });
export type PortalSettings = z.output<typeof portalSettingsSchema>;

/** The public /apply form: who is applying, and the password for their dashboard. */
export const partnerApplicationSchema = z
  .object({
    name: z.string({ error: "Enter your name." }).trim().min(1, { error: "Enter your name." }).max(100, { error: "At most 100 characters." }),
    email: emailSchema,
    website: z.union([z.literal(""), httpUrlSchema]).optional(),
    notes: z.string().trim().max(2000, { error: "At most 2000 characters." }).optional(),
    password: portalPasswordSchema,
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The passwords do not match." });
export type PartnerApplication = z.infer<typeof partnerApplicationSchema>;

/** Portal settings → Password: the current one first, then the new one twice. */
export const changePortalPasswordSchema = z
  .object({
    current: z.string({ error: "Enter your current password." }).min(1, { error: "Enter your current password." }).max(1000),
    password: portalPasswordSchema,
    confirm: z.string({ error: "Type the new password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The passwords do not match." });
