"use client";

import { Pencil } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { columnHelper, DataTable } from "@/components/data-table/data-table";
import { RowActions } from "@/components/data-table/row-actions";
import { Toolbar } from "@/components/data-table/toolbar";
import type { ListState } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogButton } from "@/components/ui/dialog-button";
import type { TypeAheadOption } from "@/components/ui/type-ahead";
import type { LinkCreator } from "@/lib/schemas/enums";
import { deleteLinkAction } from "./actions";
import { LinkForm, type EditableLink } from "./link-form";
import { PartnerFilter } from "@/components/partner-filter";

/** One link as the server formats it (money and dates already text). */
export interface LinkTableRow extends EditableLink {
  url: string;
  partnerId: string;
  partnerName: string;
  partnerEmail: string;
  rate: string;
  customRate: boolean;
  clicks: number;
  sales: number;
  revenue: string;
  commission: string;
  createdBy: LinkCreator;
  created: string;
  createdIso: string;
}

const count = new Intl.NumberFormat("en-US");
const CREATORS: Record<LinkCreator, string> = { admin: "Admin", partner: "Partner", api: "API" };

function columnsFor(currency: string, linkBase: string) {
  const h = columnHelper<LinkTableRow>();
  return [
    h.accessor("slug", {
      header: "Link",
      enableSorting: false,
      meta: { essential: "identity" },
      cell: ({ row }) => (
        <div className="flex max-w-64 items-center gap-2">
          <div className="min-w-0">
            <p className="truncate font-medium text-zinc-900" title={`/a/${row.original.slug}`}>
              /a/{row.original.slug}
            </p>
            <a href={row.original.url} className="block truncate text-xs text-zinc-500 hover:text-brand-700" target="_blank" rel="noreferrer" title={row.original.url}>
              {row.original.url}
            </a>
          </div>
          <CopyButton value={row.original.url} label="Copy" />
        </div>
      ),
    }),
    h.accessor("partnerName", {
      header: "Partner",
      enableSorting: false,
      meta: { from: "xl" },
      cell: ({ row }) => (
        <div className="max-w-44">
          <Link
            href={`/partners/${row.original.partnerId}`}
            className="block truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline"
            title={row.original.partnerName}
          >
            {row.original.partnerName}
          </Link>
          <p className="truncate text-xs text-zinc-500" title={row.original.partnerEmail}>
            {row.original.partnerEmail}
          </p>
        </div>
      ),
    }),
    h.accessor("destinationUrl", {
      header: "Destination",
      enableSorting: false,
      meta: { from: "2xl" },
      cell: ({ row }) => (
        <a href={row.original.destinationUrl} target="_blank" rel="noreferrer" className="block max-w-56 truncate hover:text-brand-700" title={row.original.destinationUrl}>
          {row.original.destinationUrl.replace(/^https?:\/\//, "")}
        </a>
      ),
    }),
    h.accessor("rate", {
      header: "Rate",
      enableSorting: false,
      meta: { from: "2xl" },
      cell: ({ row }) => <span className={cn(!row.original.customRate && "text-zinc-400")}>{row.original.rate}</span>,
    }),
    h.accessor("clicks", { header: "Clicks", meta: { align: "right", from: "xl" }, cell: ({ row }) => <span data-numeric>{count.format(row.original.clicks)}</span> }),
    h.accessor("sales", { header: "Sales", meta: { align: "right", from: "2xl" }, cell: ({ row }) => <span data-numeric>{count.format(row.original.sales)}</span> }),
    h.accessor("revenue", { header: "Revenue", meta: { align: "right", essential: "money" }, cell: ({ row }) => <span data-numeric>{row.original.revenue}</span> }),
    h.accessor("commission", { header: "Commission", meta: { align: "right", essential: "money" }, enableSorting: false, cell: ({ row }) => <span data-numeric>{row.original.commission}</span> }),
    h.accessor("createdBy", { header: "Created by", enableSorting: false, meta: { from: "2xl" }, cell: ({ row }) => <Badge tone={row.original.createdBy === "partner" ? "purple" : "gray"}>{CREATORS[row.original.createdBy]}</Badge> }),
    h.accessor("created", {
      id: "createdAt",
      header: "Created",
      meta: { from: "2xl" },
      cell: ({ row }) => (
        <time dateTime={row.original.createdIso} className="text-zinc-600">
          {row.original.created}
        </time>
      ),
    }),
    h.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row }) => (
        <RowActions
          label={`/a/${row.original.slug}`}
          primary={
            <DialogButton
              label="Edit"
              triggerLabel={`Edit /a/${row.original.slug}`}
              icon={<Pencil className="h-3.5 w-3.5" aria-hidden />}
              variant="secondary"
              size="sm"
              title={`Edit /a/${row.original.slug}`}
              description={`A link of ${row.original.partnerName}.`}
            >
              {(close) => <LinkForm link={row.original} currency={currency} linkBase={linkBase} onDone={close} />}
            </DialogButton>
          }
        >
          <ConfirmAction
            asMenuItem
            action={deleteLinkAction}
            fields={{ id: row.original.id }}
            trigger="Delete"
            title={`Delete /a/${row.original.slug}?`}
            description={
              <>
                The link stops working at once. Its clicks stay in the log, and its sales and commissions stay with {row.original.partnerName}. The slug becomes free
                to use again.
              </>
            }
            confirmLabel="Delete link"
          />
        </RowActions>
      ),
    }),
  ];
}

export function LinksTable({
  rows,
  total,
  state,
  partner,
  currency,
  linkBase,
}: {
  rows: LinkTableRow[];
  total: number;
  state: ListState;
  partner?: TypeAheadOption;
  currency: string;
  linkBase: string;
}) {
  const columns = useMemo(() => columnsFor(currency, linkBase), [currency, linkBase]);
  return (
    <DataTable
      label="Links"
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(row) => row.id}
      toolbar={
        <Toolbar q={state.q} searchPlaceholder="Slug, destination or partner" exportHref="/api/admin/links">
          <PartnerFilter partner={partner} />
        </Toolbar>
      }
      emptyTitle={partner ? `${partner.label} has no custom links` : "No custom links yet"}
      emptyMessage="Custom links send visitors to any page of your store, e.g. one product, and may carry their own rate. Create one with “New link”."
    />
  );
}
