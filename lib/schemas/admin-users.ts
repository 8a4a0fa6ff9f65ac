import { z } from "zod";
import { emailSchema, newPasswordSchema } from "./common";

export const newAdminSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((s) => s || undefined),
});
export type NewAdmin = z.infer<typeof newAdminSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1000),
});

/** Settings → Team → Your password: the current one first, then the new one twice. */
export const changePasswordSchema = z
  .object({
    current: z.string({ error: "Enter your current password." }).min(1, { error: "Enter your current password." }).max(1000),
    password: newPasswordSchema,
    confirm: z.string({ error: "Type the new password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The two passwords differ." });
