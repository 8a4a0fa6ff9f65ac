import Form from "next/form";
import { Pager } from "@/components/portal/pager";
import { SimpleTable, td, th } from "@/components/portal/simple-table";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatMoney } from "@/lib/domain/money";
import { formatRate } from "@/lib/format/rates";
import type { RateSource } from "@/lib/schemas/enums";
import type { PortalProductRow } from "@/lib/services/portal/catalog";
import { ProductLinkButton } from "./product-link-button";

// The store's products with what this partner earns on each, searchable (?q=) and paged
// (?page=), each with a one-click link to its page.

const SOURCES: Partial<Record<RateSource, string>> = { rate_group: "product rate", partner: "your rate", program: "program rate" };

export function CatalogTable({
  token,
  base,
  q,
  page,
  size,
  total,
  rows,
  currency,
}: {
  token: string;
  base: string;
  q: string;
  page: number;
  size: number;
  total: number;
  rows: PortalProductRow[];
  currency: string;
}) {
  return (
    <div className="space-y-4">
      <Form action={base} scroll={false} className="max-w-md space-y-1" aria-label="Search products">
        <label htmlFor="catalog-q" className="block text-xs font-medium text-zinc-600">
          Search products
        </label>
        <div className="flex items-center gap-2">
        <Input id="catalog-q" type="search" name="q" placeholder="Search by name or id" defaultValue={q} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
        </div>
      </Form>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{q ? `No product matches “${q}”.` : "The store has not shared its catalog yet."}</p>
      ) : (
        <SimpleTable
          label="Products"
          head={
            <>
              <th className={th}>Product</th>
              <th className={`${th} text-right`}>Price</th>
              <th className={th}>Your commission</th>
              <th className={`${th} text-right`}>Per sale</th>
              <th className={th}>
                <span className="sr-only">Link</span>
              </th>
            </>
          }
        >
          {rows.map((p) => (
            <tr key={p.id} data-testid="product-row">
              <td className={td} data-essential="identity">
                {p.url ? (
                  <a href={p.url} className="block max-w-64 truncate font-medium text-zinc-900 hover:underline" target="_blank" rel="noreferrer" title={p.name}>
                    {p.name}
                  </a>
                ) : (
                  <span className="block max-w-64 truncate font-medium text-zinc-900" title={p.name}>
                    {p.name}
                  </span>
                )}
              </td>
              <td className={`${td} text-right tabular-nums`}>{p.price === null ? "—" : formatMoney(p.price, currency)}</td>
              <td className={td} data-testid="product-rate">
                {p.rate ? formatRate(p.rate.type, p.rate.value, currency) : "—"}
                <span className="ml-1.5 text-xs text-zinc-500">{SOURCES[p.source] ?? ""}</span>
              </td>
              <td className={`${td} text-right tabular-nums`} data-essential="money">
                {p.perSale === null ? "—" : formatMoney(p.perSale, currency)}
              </td>
              <td className={`${td} text-right`}>{p.url ? <ProductLinkButton token={token} productId={p.id} productName={p.name} /> : null}</td>
            </tr>
          ))}
        </SimpleTable>
      )}
      <Pager base={base} current={{ q: q || undefined }} name="page" page={page} size={size} total={total} shown={rows.length} label="Products" />
    </div>
  );
}
