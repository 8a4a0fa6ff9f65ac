"use client";

import Link from "next/link";
import { columnHelper, DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Toolbar } from "@/components/data-table/toolbar";
import { PartnerFilter } from "@/components/partner-filter";
import type { TypeAheadOption } from "@/components/ui/type-ahead";
import type { ListState } from "@/components/data-table/types";

export interface CustomerRowView {
  id: string;
  /** Name or email, whichever the store reported (the store's id as a last resort). */
  title: string;
  subtitle: string | null;
  externalId: string;
  partnerId: string;
  partnerName: string;
  referredAt: string | null;
  firstOrderAt: string | null;
  orders: number;
  revenue: string;
  commission: string;
}

const col = columnHelper<CustomerRowView>();

const columns: DataTableColumn<CustomerRowView>[] = [
  col.accessor("title", {
    header: "Customer",
    enableSorting: false,
    meta: { essential: "identity" },
    cell: ({ row }) => (
      <div className="flex max-w-60 flex-col">
        <Link
          href={`/customers/${row.original.id}`}
          className="truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline"
          data-testid="customer-link"
          title={row.original.title}
        >
          {row.original.title}
        </Link>
        {row.original.subtitle && (
          <span className="truncate text-xs text-zinc-500" title={row.original.subtitle}>
            {row.original.subtitle}
          </span>
        )}
      </div>
    ),
  }),
  col.accessor("partnerName", {
    header: "Partner",
    enableSorting: false,
    meta: { from: "xl" },
    cell: ({ row }) => (
      <Link
        href={`/partners/${row.original.partnerId}`}
        className="block max-w-44 truncate text-zinc-700 hover:text-brand-700 hover:underline"
        title={row.original.partnerName}
      >
        {row.original.partnerName}
      </Link>
    ),
  }),
  col.accessor("referredAt", { header: "Referred", enableSorting: false, meta: { from: "2xl" }, cell: ({ getValue }) => <span data-numeric>{getValue() ?? "—"}</span> }),
  col.accessor("firstOrderAt", { id: "first_order", header: "First order", meta: { from: "2xl" }, cell: ({ getValue }) => <span data-numeric>{getValue() ?? "No orders yet"}</span> }),
  col.accessor("orders", { id: "orders", header: "Orders", meta: { align: "right", from: "xl" }, cell: ({ getValue }) => <span data-numeric>{getValue().toLocaleString("en-US")}</span> }),
  col.accessor("revenue", { id: "revenue", header: "Revenue", meta: { align: "right", essential: "money" }, cell: ({ getValue }) => <span data-numeric>{getValue()}</span> }),
  col.accessor("commission", {
    header: "Commission",
    enableSorting: false,
    meta: { align: "right", essential: "money" },
    cell: ({ getValue }) => <span data-numeric>{getValue()}</span>,
  }),
];

export function CustomersTable({ rows, total, state, partner }: { rows: CustomerRowView[]; total: number; state: ListState; partner?: TypeAheadOption }) {
  return (
    <DataTable
      label="Customers"
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.id}
      emptyTitle="No referred customers yet"
      emptyMessage="A customer appears here once a partner refers their first order or sign-up."
      toolbar={
        <Toolbar q={state.q} searchPlaceholder="Search email, name or customer id" exportHref="/api/admin/customers">
          <PartnerFilter partner={partner} />
        </Toolbar>
      }
    />
  );
}
