import type { Metadata } from "next";
import { StatusNotice } from "@/components/portal/status-notice";
import { Section } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/env";
import { requirePortalPartner } from "@/lib/portal/session";
import type { SearchParams } from "@/lib/schemas/list-params";
import { parseCatalogParams } from "@/lib/schemas/portal-lists";
import { portalCatalog } from "@/lib/services/portal/catalog";
import { portalLinks, promoteKit } from "@/lib/services/portal/promote";
import { getSettings } from "@/lib/services/settings";
import { CatalogTable } from "./catalog-table";
import { LinkGenerator } from "./link-generator";
import { LinksTable } from "./links-table";

// GET /p/<token>/promote: what an approved partner shares: the referral link and coupon
// codes, a generator for links to any page of the store, their links with clicks and sales,
// and the catalog with the rate they earn per product (?q=&page=). A partner who is not
// approved is told why and gets none of it (the action refuses them as well).

export const metadata: Metadata = { title: "Promote" };

const LINK_LIMIT = 100;

function CopyRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex items-center gap-2">
      <code className="min-w-0 flex-1 truncate rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-800 ring-1 ring-zinc-200 ring-inset" data-testid={testId} title={value}>
        {value}
      </code>
      <CopyButton value={value} label={label} />
    </div>
  );
}

export default async function PromotePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  const { token } = await params;
  const partner = await requirePortalPartner(token);
  if (partner.status !== "approved") {
    return (
      <div className="space-y-6">
        <PageHeader title="Promote" />
        <StatusNotice status={partner.status}>
          <p className="mt-3 text-sm font-medium text-zinc-800" data-testid="links-unavailable">
            Referral links, coupon codes and the link generator are available to approved partners only.
          </p>
        </StatusNotice>
      </div>
    );
  }

  const db = await getDb();
  const catalogParams = parseCatalogParams(await searchParams);
  const [kit, links, catalog, settings] = await Promise.all([
    promoteKit(db, partner.id),
    portalLinks(db, partner.id, { page: 1, size: LINK_LIMIT }),
    portalCatalog(db, partner.id, catalogParams),
    getSettings(db),
  ]);
  const base = `/p/${partner.token}/promote`;

  return (
    <div className="space-y-6">
      <PageHeader title="Promote" description="Share these links and codes; every sale they bring in earns you a commission." />
      <Section title="Your referral link" description={`Leads to ${kit.storeUrl}. Add ?to=/some/page to land on another page of the store.`}>
        <CopyRow label="Copy link" value={kit.referralLink} testId="referral-link" />
        {kit.couponCodes.length > 0 && (
          <div className="mt-5 space-y-2">
            <h3 className="text-sm font-medium text-zinc-800">Your coupon codes</h3>
            <p className="text-sm text-zinc-500">A customer who enters one at checkout is credited to you, with or without a link.</p>
            <ul className="space-y-2">
              {kit.couponCodes.map((code) => (
                <li key={code} className="max-w-sm">
                  <CopyRow label={`Copy ${code}`} value={code} testId="coupon-code" />
                </li>
              ))}
            </ul>
          </div>
        )}
      </Section>
      <Section title="Create a link" description="A link of your own to any page of the store, e.g. one product. Sales through it are credited to you at your usual rates.">
        <LinkGenerator token={partner.token} storeUrl={settings.storeUrl} linkBase={`${appUrl()}/a/`} />
      </Section>
      <Section title="Your links" description={links.total > LINK_LIMIT ? `Your ${LINK_LIMIT} newest of ${links.total} links.` : "Clicks count once per visitor an hour; sales and commission are those made through each link."}>
        <LinksTable rows={links.rows} currency={settings.currency} />
      </Section>
      <Section title="Products" description="What you earn on each product. Product rates set by the store win over your usual rate.">
        <CatalogTable token={partner.token} base={base} {...catalogParams} total={catalog.total} rows={catalog.rows} currency={catalog.currency} />
      </Section>
    </div>
  );
}
