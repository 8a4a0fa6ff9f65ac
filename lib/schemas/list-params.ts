import { z } from "zod";

// What every list page reads from its URL: search text, sort, page and page size, plus its
// own filters. A value that makes no sense (a tampered or stale link) falls back to the
// default instead of failing the page.

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export type SearchParams = Record<string, string | string[] | undefined>;

export interface ListParams<S extends string, F> {
  q: string;
  sort: S;
  dir: "asc" | "desc";
  page: number;
  size: number;
  filters: F;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseListParams<S extends string, F extends z.ZodRawShape>(
  raw: SearchParams,
  spec: { sortable: readonly [S, ...S[]]; defaultSort: S; defaultDir?: "asc" | "desc"; filters: F },
): ListParams<S, z.infer<z.ZodObject<F>>> {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)]));
  const base = z
    .object({
      q: z.string().trim().max(200).catch("").default(""),
      sort: z.enum(spec.sortable).catch(spec.defaultSort).default(spec.defaultSort),
      dir: z.enum(["asc", "desc"]).catch(spec.defaultDir ?? "desc").default(spec.defaultDir ?? "desc"),
      page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
      size: z.coerce
        .number()
        .int()
        .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
        .catch(DEFAULT_PAGE_SIZE)
        .default(DEFAULT_PAGE_SIZE),
    })
    .parse(flat);
  const filters = z.object(spec.filters).parse(flat) as z.infer<z.ZodObject<F>>;
  return { ...base, filters };
}

/** An optional filter value from a fixed vocabulary; anything else means "all". */
export function optionalEnum<T extends string>(values: readonly [T, ...T[]]) {
  return z.enum(values).optional().catch(undefined);
}

export const optionalUuid = z.uuid().optional().catch(undefined);

/** Offset of a page, for SQL. */
export function offsetOf(params: { page: number; size: number }): number {
  return (params.page - 1) * params.size;
}
