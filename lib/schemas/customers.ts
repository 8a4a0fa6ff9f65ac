import { optionalUuid } from "./list-params";

// The Customers list's URL: search, partner filter, sort. Safe to import from client code.

export const customerListSpec = {
  sortable: ["first_order", "orders", "revenue"] as const,
  defaultSort: "first_order" as const,
  defaultDir: "desc" as const,
  filters: { partner: optionalUuid },
};
