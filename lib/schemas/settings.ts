import { z } from "zod";
import { ATTRIBUTION_MODELS, COMMISSION_TYPES } from "./enums";
import { httpUrlSchema, isCurrencyCode, isTimeZone } from "./common";

// The program settings of SPEC.md §2 in their stored form: money in minor units, rates in
// basis points (percentage) or minor units (fixed). Forms convert to this; the CLI and
// services validate against it.

export const eventNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.:-]{0,63}$/i, { error: "Use letters, digits, _ . : - (up to 64), e.g. signup." });

export const programSettingsSchema = z
  .object({
    name: z.string().trim().min(1, { error: "Enter the program's name." }).max(100),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, { error: "Use an ISO 4217 currency code such as USD or EUR." }),
    timezone: z.string().trim().refine(isTimeZone, { error: "Pick a time zone such as UTC or Europe/Berlin." }),
    storeUrl: httpUrlSchema,
    trackingEnabled: z.boolean(),
    cookieDays: z.int({ error: "Enter a whole number of days." }).min(1, { error: "At least 1 day." }).max(3650, { error: "At most 3650 days." }),
    attributionModel: z.enum(ATTRIBUTION_MODELS),
    lifetimeAttribution: z.boolean(),
    defaultCommissionType: z.enum(COMMISSION_TYPES),
    defaultCommissionRate: z.int({ error: "Enter a whole number." }).min(0, { error: "Cannot be negative." }).max(1_000_000_000),
    holdDays: z.int({ error: "Enter a whole number of days." }).min(0, { error: "Cannot be negative." }).max(3650, { error: "At most 3650 days." }),
    minPayout: z.int({ error: "Enter an amount." }).min(0, { error: "Cannot be negative." }).max(1_000_000_000_00),
    disableUpgradeReferrals: z.boolean(),
    brandedCoupons: z.boolean(),
    blockSelfReferrals: z.boolean(),
    /** Whether the public /apply page takes applications (as `pending` partners). */
    applicationsOpen: z.boolean(),
    actionCommissions: z.record(eventNameSchema, z.int().min(0, { error: "Cannot be negative." }).max(1_000_000_000)),
  })
  .refine((s) => s.defaultCommissionType !== "percentage" || s.defaultCommissionRate <= 10_000, {
    error: "A percentage can be at most 100 %.",
    path: ["defaultCommissionRate"],
  });

export type ProgramSettings = z.infer<typeof programSettingsSchema>;
export type SettingKey = keyof ProgramSettings;

export const SETTING_KEYS = Object.keys(programSettingsSchema.shape) as SettingKey[];
