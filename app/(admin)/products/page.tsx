import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { formatRate } from "@/lib/format/rates";
import { parseProductListParams } from "@/lib/schemas/catalog";
import type { SearchParams } from "@/lib/schemas/list-params";
import { listProducts, type ProductListRow } from "@/lib/services/catalog";
import { listRateGroups, type RateGroupView } from "@/lib/services/rate-groups";
import { getSettings } from "@/lib/services/settings";
import { ProductsTable, type ProductTableRow } from "./products-table";
import { RateGroups, type RateGroupCard } from "./rate-groups";

export const metadata: Metadata = { title: "Products & custom rates" };

function groupRate(g: { commissionType: RateGroupView["commissionType"]; commissionRate: number }, currency: string): string {
  const rate = formatRate(g.commissionType, g.commissionRate, currency);
  return g.commissionType === "fixed" ? `${rate} per unit` : rate;
}

function tableRow(p: ProductListRow, currency: string): ProductTableRow {
  return {
    id: p.id,
    name: p.name,
    url: p.url,
    price: p.price,
    imageUrl: p.imageUrl,
    categories: p.categories,
    priceText: p.price === null ? null : formatMoney(p.price, currency),
    rateGroup: p.rateGroup
      ? { name: p.rateGroup.name, rate: groupRate(p.rateGroup, currency), via: p.rateGroup.via.kind === "category" ? p.rateGroup.via.category.name : null }
      : null,
  };
}

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const params = parseProductListParams(await searchParams);
  const db = await getDb();
  const [settings, groups, { rows, total }] = await Promise.all([getSettings(db), listRateGroups(db), listProducts(db, params)]);
  const cards: RateGroupCard[] = groups.map((g) => ({
    id: g.id,
    name: g.name,
    commissionType: g.commissionType,
    commissionRate: g.commissionRate,
    products: g.products,
    categories: g.categories,
    rate: groupRate(g, settings.currency),
  }));

  return (
    <>
      <PageHeader title="Products & custom rates" description="Your store's catalog, synced through the API or edited here, and the products and categories that earn their own rate." />
      <div className="space-y-8">
        <RateGroups groups={cards} currency={settings.currency} />
        <section aria-labelledby="catalog-heading" className="space-y-3">
          <div>
            <h2 id="catalog-heading" className="text-base font-semibold text-zinc-900">
              Catalog
            </h2>
            <p className="mt-1 text-sm text-zinc-500">
              Synced with <code className="rounded bg-zinc-100 px-1 text-xs">PUT /api/v1/products</code> or added by hand. The rate group column shows what each product earns.
            </p>
          </div>
          <ProductsTable
            rows={rows.map((r) => tableRow(r, settings.currency))}
            total={total}
            state={{ q: params.q, sort: params.sort, dir: params.dir, page: params.page, size: params.size }}
            currency={settings.currency}
          />
        </section>
      </div>
    </>
  );
}
