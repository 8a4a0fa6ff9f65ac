"use client";

import Link from "next/link";
import { columnHelper, DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Toolbar } from "@/components/data-table/toolbar";
import { PartnerFilter } from "@/components/partner-filter";
import type { TypeAheadOption } from "@/components/ui/type-ahead";
import type { FilterDef, ListState } from "@/components/data-table/types";
import { cn } from "@/components/ui/cn";
import { StatusBadge } from "@/components/ui/status-badge";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import type { PayoutRowView } from "../payout-row";

const col = columnHelper<PayoutRowView>();

const columns: DataTableColumn<PayoutRowView>[] = [
  col.accessor("createdAt", {
    id: "date",
    header: "Date",
    meta: { essential: "identity" },
    cell: ({ row }) => (
      <Link href={`/payouts/${row.original.id}`} className="font-medium text-brand-700 hover:underline" data-testid="payout-link" data-numeric>
        {row.original.date}
      </Link>
    ),
  }),
  col.accessor("partnerName", {
    header: "Partner",
    enableSorting: false,
    cell: ({ row }) => (
      <Link
        href={`/partners/${row.original.partnerId}`}
        className="block max-w-56 truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline"
        title={row.original.partnerName}
      >
        {row.original.partnerName}
      </Link>
    ),
  }),
  col.accessor("amount", {
    id: "amount",
    header: "Amount",
    meta: { align: "right", essential: "money" },
    cell: ({ row }) => (
      <span className={cn("font-medium text-zinc-900", row.original.status === "void" && "text-zinc-400 line-through")} data-numeric>
        {row.original.amount}
      </span>
    ),
  }),
  col.accessor("method", { header: "Method", enableSorting: false, meta: { from: "xl" } }),
  col.accessor("transactionId", {
    header: "Transaction id",
    enableSorting: false,
    meta: { from: "2xl" },
    cell: ({ getValue }) => (
      <span className="block max-w-48 truncate font-mono text-xs" title={getValue() ?? undefined}>
        {getValue() ?? "—"}
      </span>
    ),
  }),
  col.accessor("recordedBy", { header: "Recorded by", enableSorting: false, meta: { from: "2xl" } }),
  col.accessor("status", {
    header: "Status",
    enableSorting: false,
    meta: { essential: "status" },
    cell: ({ row }) => (
      <div className="flex flex-col items-start gap-0.5">
        <StatusBadge status={row.original.status} />
        {row.original.voidReason && (
          <span className="max-w-48 truncate text-xs text-zinc-500" title={row.original.voidReason}>
            {row.original.voidReason}
          </span>
        )}
      </div>
    ),
  }),
];

export function HistoryTable({
  rows,
  total,
  state,
  filters,
  partner,
  from,
  to,
  timezone,
}: {
  rows: PayoutRowView[];
  total: number;
  state: ListState;
  filters: FilterDef[];
  partner?: TypeAheadOption;
  from?: string;
  to?: string;
  timezone: string;
}) {
  return (
    <DataTable
      label="Payout history"
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.id}
      emptyTitle="No payouts match"
      emptyMessage="Payouts you record on the Due tab (or through the API) appear here. Change the filters to see more."
      toolbar={
        <Toolbar q={state.q} searchPlaceholder="Search partner or transaction id" filters={filters} exportHref="/api/admin/payouts/history">
          <PartnerFilter partner={partner} />
          <DateRangeFilter from={from} to={to} timezone={timezone} />
        </Toolbar>
      }
    />
  );
}
