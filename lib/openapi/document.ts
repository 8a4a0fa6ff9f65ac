import { z } from "zod";
import { appUrl } from "@/lib/env";
import { pageQuerySchema } from "@/lib/http/cursor";
import { productsSchema } from "@/lib/schemas/catalog";
import { COMMISSION_STATUSES, PARTNER_STATUSES, PAYOUT_METHODS } from "@/lib/schemas/enums";
import { couponCodeSchema, newLinkSchema, newPartnerSchema, rateFields, referralCodeSchema } from "@/lib/schemas/partners";
import { newPayoutSchema } from "@/lib/schemas/payouts";
import { clickSchema, leadSchema, refundSchema, saleSchema } from "@/lib/schemas/tracking";
import { scopesAllowedFor, type RouteScope } from "@/lib/domain/api-key-scope";
import * as answers from "./responses";

// GET /api/v1/openapi.json: OpenAPI 3.1 whose request bodies are the very zod schemas the
// handlers parse with (z.toJSONSchema), so the document cannot drift from what is enforced.

type Json = Record<string, unknown>;

function schema(s: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Json;
  return rest;
}

const json = (s: z.ZodType, io: "input" | "output" = "output") => ({ content: { "application/json": { schema: schema(s, io) } } });
const ok = (description: string, s: z.ZodType) => ({ description, ...json(s) });
const errorRef = { $ref: "#/components/responses/Error" };
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), errorRef]));

function body(s: z.ZodType) {
  return { required: true, ...json(s, "input") };
}

function queryParameters(s: z.ZodObject): Json[] {
  const shape = schema(s, "input") as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, property]) => ({ name, in: "query", required: shape.required?.includes(name) ?? false, schema: property }));
}

/** PATCH /api/v1/partners/{id}: each field optional; values are checked like the admin's partner form. */
const partnerPatchBody = z
  .object({
    name: z.string().min(1).max(100),
    email: z.email(),
    status: z.enum(PARTNER_STATUSES),
    referralCode: referralCodeSchema,
    ...rateFields,
    couponCodes: z.array(couponCodeSchema).max(20),
    payoutMethod: z.enum(PAYOUT_METHODS).nullable(),
    payoutDetails: z.record(z.string(), z.string()).describe("paypal: {email}; bank_transfer: {accountHolder, iban, bic?}; stripe: {accountId}; other: {instructions}"),
    notes: z.string().max(5000).nullable(),
  })
  .partial()
  .strict();

/**
 * An operation that needs an API key of a given scope (lib/domain/api-key-scope.ts): its
 * security requirement, and the scope it declares, from which 403 is documented below.
 */
function needs(scope: RouteScope): Json {
  return { security: [{ secretKey: [] }], "x-required-scope": scope };
}

/** Every operation that declares a scope also says which keys may call it and documents its 403. */
function withScopeErrors(paths: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  for (const item of Object.values(paths)) {
    for (const value of Object.values(item)) {
      const operation = value as Json;
      if (!Array.isArray(value) && "x-required-scope" in operation) {
        const scope = operation["x-required-scope"] as RouteScope;
        const rule = `Needs a ${scopesAllowedFor(scope).join(" or ")} key; any other key answers 403 insufficient_scope.`;
        operation.description = operation.description ? `${String(operation.description)} ${rule}` : rule;
        operation.responses = { ...(operation.responses as Json), "403": { $ref: "#/components/responses/InsufficientScope" } };
      }
    }
  }
  return paths;
}

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Affiliate program API",
      version: "1",
      description:
        "Tracking endpoints for storefronts and a REST API for integrators. Money is in integer minor units (cents); percentage rates in basis points (1000 = 10 %). Errors are {error: {code, message, details?}}.",
    },
    servers: [{ url: appUrl() }],
    components: {
      securitySchemes: {
        secretKey: {
          type: "http",
          scheme: "bearer",
          description:
            "A key from Settings → API keys or `api-key create --scope …`. Scopes: full (sk_aff_…) may call everything; tracking (sk_aff_…) only /api/track/sale, lead, refund and ping; publishable (pk_aff_…) only browser conversions. Each operation names the scope it needs (x-required-scope).",
        },
      },
      responses: {
        InsufficientScope: { description: "403 insufficient_scope: the key is valid but its scope does not cover this operation", ...json(answers.errorAnswer) },
        Error: { description: "400 malformed, 401 bad key, 403 insufficient_scope (the key's scope does not cover the operation), 404 unknown, 409 conflict, 413 body over the route's limit, 422 invalid values (details name the fields), 429 rate limited, 503 tracking off", ...json(answers.errorAnswer) },
      },
    },
    paths: withScopeErrors({
      "/api/track/click": {
        post: { summary: "Record a click (public, CORS)", requestBody: body(clickSchema), responses: { "200": ok("the visitor id to keep", answers.clickAnswer), ...errors(400, 404, 422, 429, 503) } },
      },
      "/api/track/sale": {
        post: {
          summary: "Record a sale; idempotent on orderId",
          ...needs("tracking"),
          requestBody: body(saleSchema),
          responses: { "201": ok("recorded", answers.saleAnswer), "200": ok("the same orderId and body again: the first answer", answers.saleAnswer), ...errors(400, 401, 409, 422, 503) },
        },
      },
      "/api/track/lead": {
        post: { summary: "Record a lead (signup); idempotent on customer and event name", ...needs("tracking"), requestBody: body(leadSchema), responses: { "201": { description: "recorded" }, "200": { description: "already recorded" }, ...errors(400, 401, 422, 503) } },
      },
      "/api/track/refund": {
        post: { summary: "Refund all or part of an order; idempotent on refundId", ...needs("tracking"), requestBody: body(refundSchema), responses: { "200": ok("refunded", answers.refundAnswer), ...errors(400, 401, 404, 409, 422, 503) } },
      },
      "/api/track/ping": { get: { summary: "Test the connection", ...needs("tracking"), responses: { "200": ok("the key works", answers.pingAnswer), ...errors(401) } } },
      "/api/v1/partners": {
        get: {
          summary: "List partners, newest first",
          ...needs("full"),
          parameters: queryParameters(pageQuerySchema.extend({ status: z.enum(PARTNER_STATUSES).optional(), email: z.string().optional() })),
          responses: { "200": ok("a page of partners", answers.pageOf(answers.partnerAnswer)), ...errors(401, 422) },
        },
        post: { summary: "Create a partner (approved unless told otherwise)", ...needs("full"), requestBody: body(newPartnerSchema), responses: { "201": ok("created", answers.partnerAnswer), ...errors(400, 401, 409, 422) } },
      },
      "/api/v1/partners/{id}": {
        parameters: [idParameter],
        get: { summary: "One partner", ...needs("full"), responses: { "200": ok("the partner", answers.partnerAnswer), ...errors(401, 404) } },
        patch: {
          summary: "Change the fields given",
          ...needs("full"),
          requestBody: body(partnerPatchBody),
          responses: { "200": ok("the partner as changed", answers.partnerAnswer), ...errors(400, 401, 404, 409, 422) },
        },
      },
      "/api/v1/links": {
        post: { summary: "Create a custom link /a/<slug> for a partner", ...needs("full"), requestBody: body(newLinkSchema), responses: { "201": ok("created", answers.linkAnswer), ...errors(400, 401, 409, 422) } },
      },
      "/api/v1/links/{slug}/stats": {
        parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
        get: { summary: "Clicks, sales, revenue and commission of a link", ...needs("full"), responses: { "200": ok("the link's figures", answers.linkStatsAnswer), ...errors(401, 404) } },
      },
      "/api/v1/commissions": {
        get: {
          summary: "List commissions, newest first",
          ...needs("full"),
          parameters: queryParameters(pageQuerySchema.extend({ partnerId: z.uuid().optional(), status: z.enum(COMMISSION_STATUSES).optional() })),
          responses: { "200": ok("a page of commissions", answers.pageOf(answers.commissionItem)), ...errors(401, 422) },
        },
      },
      "/api/v1/payouts": {
        get: {
          summary: "List payouts, newest first",
          ...needs("full"),
          parameters: queryParameters(pageQuerySchema.extend({ partnerId: z.uuid().optional() })),
          responses: { "200": ok("a page of payouts", answers.pageOf(answers.payoutItem)), ...errors(401, 422) },
        },
        post: {
          summary: "Pay a partner's whole balance",
          description:
            "422 nothing_due when the balance is not positive or below the program's minimum payout. PayPal, bank transfer and Stripe need a transactionId. " +
            "Send `amount` (minor units) with what you saw due and sent: when the balance is different now (a commission approved, a clawback added) the answer is " +
            "409 balance_changed, nothing is written, and the error's message and its `amount` detail (\"Due now: 1500\") give the current figure. " +
            "Money in an open PayPal batch is paid by that batch, not here.",
          ...needs("full"),
          requestBody: body(newPayoutSchema),
          responses: { "201": ok("paid", answers.payoutCreated), ...errors(400, 401, 409, 422) },
        },
      },
      "/api/v1/products": {
        put: { summary: "Sync the catalog: insert or replace each product by id, all or nothing", ...needs("full"), requestBody: body(productsSchema), responses: { "201": ok("something was added", answers.productsSynced), "200": ok("only updates", answers.productsSynced), ...errors(400, 401, 422) } },
      },
    }),
  };
}
