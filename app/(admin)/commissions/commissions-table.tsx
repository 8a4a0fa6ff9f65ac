"use client";

import Link from "next/link";
import { useState } from "react";
import { columnHelper, DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Toolbar } from "@/components/data-table/toolbar";
import { PartnerFilter } from "@/components/partner-filter";
import type { TypeAheadOption } from "@/components/ui/type-ahead";
import type { FilterDef, ListState } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { FormMessage } from "@/components/ui/form-message";
import { StatusBadge } from "@/components/ui/status-badge";
import type { FormState } from "@/lib/schemas/form-state";
import { BulkCommissionActions } from "./bulk-actions";
import { CommissionActions } from "./commission-actions";
import type { CommissionRowView } from "./commission-row";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";

const col = columnHelper<CommissionRowView>();

const columns: DataTableColumn<CommissionRowView>[] = [
  col.accessor("createdAt", {
    id: "date",
    header: "Date",
    meta: { from: "sm" },
    cell: ({ row }) => <span data-numeric>{row.original.date}</span>,
  }),
  col.accessor("partnerName", {
    header: "Partner",
    enableSorting: false,
    meta: { from: "md" },
    cell: ({ row }) => (
      <Link
        href={`/partners/${row.original.partnerId}`}
        className="block max-w-44 truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline"
        title={row.original.partnerName}
      >
        {row.original.partnerName}
      </Link>
    ),
  }),
  col.accessor("source", {
    header: "Order",
    enableSorting: false,
    meta: { essential: "identity" },
    cell: ({ row }) => {
      const r = row.original;
      return (
        <div className="flex max-w-56 flex-col">
          <span className="flex min-w-0 items-center gap-1.5">
            <Link href={`/commissions/${r.id}`} className="truncate font-medium text-brand-700 hover:underline" data-testid="commission-link" title={r.source}>
              {r.source}
            </Link>
            {r.manual && <Badge tone="purple">Manual</Badge>}
          </span>
          {r.customerEmail && (
            <span className="truncate text-xs text-zinc-500" title={r.customerEmail}>
              {r.customerEmail}
            </span>
          )}
        </div>
      );
    },
  }),
  col.accessor("orderAmount", {
    header: "Order amount",
    enableSorting: false,
    meta: { align: "right", from: "2xl" },
    cell: ({ getValue }) => <span data-numeric>{getValue() ?? "—"}</span>,
  }),
  col.accessor("amount", {
    id: "amount",
    header: "Commission",
    meta: { align: "right", essential: "money" },
    cell: ({ row }) => (
      <div className="flex flex-col items-end" data-numeric>
        <span className="font-medium text-zinc-900">{row.original.amount}</span>
        {row.original.originalAmount && <span className="text-xs text-zinc-500"> of {row.original.originalAmount}</span>}
      </div>
    ),
  }),
  col.accessor("status", {
    id: "status",
    header: "Status",
    meta: { essential: "status" },
    cell: ({ row }) => (
      <div className="flex flex-col items-start gap-0.5">
        <StatusBadge status={row.original.status} />
        {row.original.voidReason && (
          <span className="max-w-48 truncate text-xs text-zinc-500" title={row.original.voidReason} data-testid="void-reason">
            {row.original.voidReason}
          </span>
        )}
      </div>
    ),
  }),
  col.accessor("rateSource", {
    header: "Rate",
    enableSorting: false,
    meta: { from: "2xl" },
    cell: ({ row }) => (
      <span className="text-zinc-600">
        {row.original.rateSource}
        {row.original.rate && <span className="text-zinc-400"> · {row.original.rate}</span>}
      </span>
    ),
  }),
  col.accessor("inPayout", {
    header: "Payout",
    enableSorting: false,
    meta: { from: "2xl" },
    cell: ({ row }) =>
      row.original.inPayout ? <Badge tone="blue">In a payout</Badge> : row.original.status === "paid" ? <span className="text-xs text-zinc-500">Marked paid</span> : <span className="text-zinc-400">—</span>,
  }),
  col.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row }) => <CommissionActions id={row.original.id} status={row.original.status} inPayout={row.original.inPayout} label={row.original.source} compact />,
  }),
];

export function CommissionsTable({
  rows,
  total,
  state,
  filters,
  partner,
  from,
  to,
  timezone,
}: {
  rows: CommissionRowView[];
  total: number;
  state: ListState;
  filters: FilterDef[];
  partner?: TypeAheadOption;
  from?: string;
  to?: string;
  timezone: string;
}) {
  const [bulkResult, setBulkResult] = useState<FormState>({});
  return (
    <div className="space-y-3">
      <FormMessage state={bulkResult} testId="bulk-result" />
      <DataTable
        label="Commissions"
        columns={columns}
        rows={rows}
        total={total}
        state={state}
        getRowId={(r) => r.id}
        emptyTitle="No commissions match"
        emptyMessage="Commissions appear when a referred sale or lead is recorded. Change the filters, or record a sale by hand."
        toolbar={
          <Toolbar q={state.q} searchPlaceholder="Search order id" filters={filters} exportHref="/api/admin/commissions">
            <PartnerFilter partner={partner} />
            <DateRangeFilter from={from} to={to} timezone={timezone} />
          </Toolbar>
        }
        bulkActions={(ids, clear) => (
          <BulkCommissionActions
            ids={ids}
            onDone={(result) => {
              setBulkResult(result);
              if (result.ok) clear();
            }}
          />
        )}
      />
    </div>
  );
}
