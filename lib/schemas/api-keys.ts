import { z } from "zod";
import { API_KEY_SCOPES } from "./enums";

export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES, { error: "Choose full, tracking or publishable." });

export const newApiKeySchema = z.object({
  name: z.string({ error: "Name the key, e.g. after the store that uses it." }).trim().min(1, { error: "Name the key, e.g. after the store that uses it." }).max(100, { error: "At most 100 characters." }),
  /** Missing means `full`, as for every key made before scopes existed. */
  scope: apiKeyScopeSchema.default("full"),
});
