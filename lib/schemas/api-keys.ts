import { z } from "zod";

export const newApiKeySchema = z.object({
  name: z.string({ error: "Name the key, e.g. after the store that uses it." }).trim().min(1, { error: "Name the key, e.g. after the store that uses it." }).max(100, { error: "At most 100 characters." }),
});
