import { z } from "zod";
import { localDateSchema } from "./date-range";
import { optionalEnum, optionalUuid, parseListParams, type SearchParams } from "./list-params";

// The click log's URL: ?partner=<id>&status=counted|declined|bot|duplicate|partner_not_approved
// &converted=yes|no&from=YYYY-MM-DD&to=YYYY-MM-DD (local dates in the program's time zone,
// both inclusive), sorted by time. The page and its CSV export read the same parameters.

export const CLICK_STATUS_FILTERS = ["counted", "declined", "bot", "duplicate", "partner_not_approved"] as const;
export type ClickStatusFilter = (typeof CLICK_STATUS_FILTERS)[number];

export const CLICK_STATUS_LABELS: Record<ClickStatusFilter, string> = {
  counted: "Counted",
  declined: "Declined (any reason)",
  bot: "Declined: bot",
  duplicate: "Declined: repeat within the hour",
  partner_not_approved: "Declined: partner not approved",
};

const optionalDate = localDateSchema.optional().catch(undefined);

export const clickListSpec = {
  sortable: ["createdAt"] as const,
  defaultSort: "createdAt" as const,
  defaultDir: "desc" as const,
  filters: {
    partner: optionalUuid,
    status: optionalEnum(CLICK_STATUS_FILTERS),
    converted: optionalEnum(["yes", "no"]),
    from: optionalDate,
    to: optionalDate,
  },
};

export function parseClickListParams(raw: SearchParams) {
  const params = parseListParams(raw, clickListSpec);
  const { from, to } = params.filters;
  // From after To is a slip of the hand: swap rather than show nothing.
  if (from && to && from > to) params.filters = { ...params.filters, from: to, to: from };
  return params;
}

export type ClickListParams = ReturnType<typeof parseClickListParams>;
export type ClickFilters = ClickListParams["filters"];

export const clickFiltersSchema = z.object(clickListSpec.filters);
