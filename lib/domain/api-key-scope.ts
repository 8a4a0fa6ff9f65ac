// What each kind of API key may call (SPEC.md §6). A route declares the one scope it needs;
// a key may call it when the key's scope grants that scope. Pure, so the whole table is
// tested in one place and a new route (the browser conversion endpoint) only declares
// `publishable`.

import { API_KEY_SCOPES, type ApiKeyScope } from "@/lib/schemas/enums";

export type { ApiKeyScope };

/** What a route handler declares: the scope a key must grant to call it. */
export type RouteScope = ApiKeyScope;

// `full` may call everything; `tracking` only the server-to-server tracking endpoints;
// `publishable` only what is safe from a browser.
const GRANTS: Record<ApiKeyScope, readonly RouteScope[]> = {
  full: ["full", "tracking", "publishable"],
  tracking: ["tracking"],
  publishable: ["publishable"],
};

export function scopeAllows(keyScope: ApiKeyScope, required: RouteScope): boolean {
  return GRANTS[keyScope].includes(required);
}

/** The kinds of key that may call a route needing `required`, for error messages and docs. */
export function scopesAllowedFor(required: RouteScope): ApiKeyScope[] {
  return API_KEY_SCOPES.filter((scope) => scopeAllows(scope, required));
}

/**
 * Publishable keys start with pk_ so nobody mistakes one for a secret (and secret scanners
 * do not flag one in a page); secret keys, full or tracking, with sk_.
 */
export function keyPrefixFor(scope: ApiKeyScope): string {
  return scope === "publishable" ? "pk_aff_" : "sk_aff_";
}

export const SCOPE_LABELS: Record<ApiKeyScope, { label: string; description: string }> = {
  full: { label: "Full access", description: "Everything: tracking and the REST API. Keep it on your server." },
  tracking: { label: "Tracking only", description: "Report sales, leads and refunds, and test the connection. Nothing else." },
  publishable: { label: "Publishable", description: "Browser conversions only; safe to put in a page." },
};
