"use client";

import Link from "next/link";
import { columnHelper, DataTable } from "@/components/data-table/data-table";
import { Toolbar } from "@/components/data-table/toolbar";
import type { ListState } from "@/components/data-table/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { cn } from "@/components/ui/cn";
import type { PartnerStatus } from "@/lib/schemas/enums";
import { PartnerRowActions } from "./partner-status-actions";

/** One row as the server formats it (money and dates already text, in the program's units and zone). */
export interface PartnerTableRow {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  rate: string;
  customRate: boolean;
  couponCodes: string[];
  clicks: number;
  conversions: number;
  revenue: string;
  commissions: string;
  balance: string;
  negativeBalance: boolean;
  pending: string;
  joined: string;
  joinedIso: string;
}

const count = new Intl.NumberFormat("en-US");
const h = columnHelper<PartnerTableRow>();

const columns = [
  h.accessor("name", {
    header: "Partner",
    meta: { essential: "identity" },
    cell: ({ row }) => (
      <div className="max-w-56 min-w-36">
        <Link href={`/partners/${row.original.id}`} className="block truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline" title={row.original.name}>
          {row.original.name}
        </Link>
        <p className="truncate text-xs text-zinc-500" title={row.original.email}>
          {row.original.email}
        </p>
      </div>
    ),
  }),
  h.accessor("status", { header: "Status", meta: { essential: "status" }, cell: ({ row }) => <StatusBadge status={row.original.status} /> }),
  h.accessor("rate", {
    header: "Rate",
    enableSorting: false,
    meta: { from: "2xl" },
    cell: ({ row }) => <span className={cn(!row.original.customRate && "text-zinc-400")}>{row.original.rate}</span>,
  }),
  h.accessor("couponCodes", {
    header: "Coupons",
    enableSorting: false,
    meta: { from: "2xl" },
    cell: ({ row }) => {
      const [first, ...more] = row.original.couponCodes;
      if (!first) return <span className="text-zinc-400">—</span>;
      return (
        <span className="relative inline-flex items-center gap-1" title={row.original.couponCodes.join(", ")}>
          <code className="max-w-36 truncate rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">{first}</code>
          {more.length > 0 && (
            <span className="text-xs text-zinc-500">
              <span aria-hidden>+{more.length}</span>
              <span className="sr-only">and {more.join(", ")}</span>
            </span>
          )}
        </span>
      );
    },
  }),
  h.accessor("clicks", { header: "Clicks", meta: { align: "right", from: "xl" }, cell: ({ row }) => <span data-numeric>{count.format(row.original.clicks)}</span> }),
  h.accessor("conversions", {
    header: "Conversions",
    meta: { align: "right", from: "2xl" },
    cell: ({ row }) => <span data-numeric>{count.format(row.original.conversions)}</span>,
  }),
  h.accessor("revenue", { header: "Revenue", meta: { align: "right", from: "xl" }, cell: ({ row }) => <span data-numeric>{row.original.revenue}</span> }),
  h.accessor("commissions", {
    header: "Commissions",
    meta: { align: "right", essential: "money" },
    cell: ({ row }) => <span data-numeric>{row.original.commissions}</span>,
  }),
  h.accessor("balance", {
    header: "Balance",
    meta: { align: "right", essential: "money" },
    cell: ({ row }) => (
      <span data-numeric className={cn(row.original.negativeBalance && "text-red-600")} title={`${row.original.pending} pending`}>
        {row.original.balance}
      </span>
    ),
  }),
  h.accessor("joined", {
    header: "Joined",
    meta: { from: "2xl" },
    cell: ({ row }) => (
      <time dateTime={row.original.joinedIso} className="text-zinc-600">
        {row.original.joined}
      </time>
    ),
  }),
  h.display({
    id: "actions",
    // Visible text: an sr-only (absolute) span here would escape the table's scroll box.
    header: "Actions",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row }) => <PartnerRowActions partner={{ id: row.original.id, name: row.original.name, status: row.original.status, couponCount: row.original.couponCodes.length }} />,
  }),
];

const STATUS_FILTER = {
  name: "status",
  label: "Status",
  allLabel: "All statuses",
  options: [
    { value: "pending", label: "Pending" },
    { value: "approved", label: "Approved" },
    { value: "suspended", label: "Suspended" },
    { value: "rejected", label: "Rejected" },
  ],
};

export function PartnersTable({ rows, total, state, status }: { rows: PartnerTableRow[]; total: number; state: ListState; status?: PartnerStatus }) {
  return (
    <DataTable
      label="Partners"
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(row) => row.id}
      toolbar={<Toolbar q={state.q} searchPlaceholder="Name, email, referral code or coupon" filters={[STATUS_FILTER]} exportHref="/api/admin/partners/export" />}
      emptyTitle={status ? `No ${status} partners` : "No partners yet — add your first partner"}
      emptyMessage={
        status ? (
          "Partners appear here when their status changes."
        ) : (
          <>
            <Link href="/partners/new" className="font-medium text-brand-700 hover:underline">
              Add a partner
            </Link>{" "}
            to give them a referral link, coupon codes and a dashboard of their own.
          </>
        )
      }
    />
  );
}
