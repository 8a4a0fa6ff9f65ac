import { z } from "zod";
import { ConfigError } from "@/lib/errors";

// The environment of SPEC.md §5, parsed once. A wrong value stops the start with a message
// that says what to set, instead of surfacing later as a 500.

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded database)")
        .optional(),
    ),
    /** Where the embedded database and generated secrets live. */
    DATA_DIR: optionalString.transform((s) => s ?? ".data"),
    AUTH_SECRET: optionalString,
    NEXTAUTH_SECRET: optionalString,
    NEXTAUTH_URL: optionalString.pipe(z.url("must be a URL like https://affiliates.example.com").optional()),
    ADMIN_EMAIL: optionalString.pipe(z.email("must be an email address").optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(10, "must be at least 10 characters").optional()),
    PORT: optionalString.pipe(z.string().regex(/^\d+$/, "must be a port number").transform(Number).pipe(z.int().min(1).max(65535)).optional()),
    /** How many reverse proxies in front of the app append to X-Forwarded-For (SPEC.md §6; lib/http/client-ip.ts). */
    TRUST_PROXY_HOPS: optionalString
      .pipe(
        z
          .string()
          .regex(/^\d+$/, "must be a whole number: how many reverse proxies in front of the app append to X-Forwarded-For (0 when clients connect directly)")
          .transform(Number)
          .pipe(z.int().max(20, "must be at most 20"))
          .optional(),
      )
      .transform((n) => n ?? 0),
  })
  .refine((e) => !!e.ADMIN_EMAIL === !!e.ADMIN_PASSWORD, {
    message: "set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither",
    path: ["ADMIN_PASSWORD"],
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  return (cached ??= parseEnv());
}

/** The public base URL of this app, for dashboard URLs, referral links and the snippet. */
export function appUrl(e: Env = env()): string {
  return (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT ?? 3000}`).replace(/\/+$/, "");
}
