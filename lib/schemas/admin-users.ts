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
