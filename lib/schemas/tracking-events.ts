import { z } from "zod";

// Which events Settings → Integration's log shows: everything, only what a store's server
// sent (sales, leads, refunds, pings: no browser clicks), or only the requests that were
// refused (4xx/5xx), which is what a merchant wiring up a store looks for.

export const RECENT_EVENT_VIEWS = ["all", "server", "errors"] as const;
export type RecentEventView = (typeof RECENT_EVENT_VIEWS)[number];

export const recentEventsQuerySchema = z.object({
  show: z.enum(RECENT_EVENT_VIEWS, { error: "Show all, server or errors." }).default("all"),
});
