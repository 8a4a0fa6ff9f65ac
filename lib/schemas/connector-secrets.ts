import { z } from "zod";

/** The store connectors' signing-secret settings (SPEC.md §7); not program settings (never shown back). */
export const CONNECTOR_SECRET_KEYS = ["stripeWebhookSecret"] as const;
export type ConnectorSecretKey = (typeof CONNECTOR_SECRET_KEYS)[number];

export function isConnectorSecretKey(key: string): key is ConnectorSecretKey {
  return (CONNECTOR_SECRET_KEYS as readonly string[]).includes(key);
}

/** A Stripe endpoint secret as the Dashboard shows it (`whsec_` then base64), or "" to switch the connector off. */
export const stripeWebhookSecretSchema = z.union([
  z.literal(""),
  z.string().regex(/^whsec_[A-Za-z0-9+/=_-]{8,200}$/, { error: "Paste the endpoint's signing secret from Stripe: it starts with whsec_." }),
]);
