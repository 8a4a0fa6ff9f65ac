"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { columnHelper, DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { RowActions } from "@/components/data-table/row-actions";
import { Toolbar } from "@/components/data-table/toolbar";
import type { FilterDef, ListState } from "@/components/data-table/types";
import { FormMessage } from "@/components/ui/form-message";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/domain/money";
import type { FormState } from "@/lib/schemas/form-state";
import { encodePayment } from "@/lib/schemas/payout-bulk";
import { PAYOUT_METHOD_LABELS } from "@/lib/schemas/payout-lists";
import type { DueRowView } from "./due-row";
import { PayAllButton } from "./pay-all-dialog";
import { PayButton } from "./pay-dialog";
import { PaypalBatchButton } from "./paypal-batch-dialog";

const col = columnHelper<DueRowView>();

function columns(onPaid: (state: FormState) => void): DataTableColumn<DueRowView>[] {
  return [
    col.accessor("name", {
      id: "partner",
      header: "Partner",
      meta: { essential: "identity" },
      cell: ({ row }) => (
        <div className="flex max-w-64 flex-col">
          <span className="flex min-w-0 items-center gap-1.5">
            <Link href={`/partners/${row.original.id}`} className="truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline" title={row.original.name}>
              {row.original.name}
            </Link>
            {row.original.status !== "approved" && <StatusBadge status={row.original.status} />}
          </span>
          <span className="truncate text-xs text-zinc-500" title={row.original.email}>
            {row.original.email}
          </span>
        </div>
      ),
    }),
    col.accessor("balance", {
      id: "balance",
      header: "Balance",
      meta: { align: "right", essential: "money" },
      cell: ({ row }) => (
        <span className="font-medium text-zinc-900" data-numeric data-testid="due-balance">
          {row.original.balance}
        </span>
      ),
    }),
    col.accessor("commissionCount", {
      id: "commissions",
      header: "Commissions",
      meta: { align: "right", from: "xl" },
      cell: ({ getValue }) => <span data-numeric>{getValue().toLocaleString("en-US")}</span>,
    }),
    col.accessor("oldest", {
      id: "oldest",
      header: "Oldest",
      meta: { from: "2xl" },
      cell: ({ getValue }) => <span data-numeric>{getValue() ?? "—"}</span>,
    }),
    col.accessor("pending", {
      header: "In hold",
      enableSorting: false,
      meta: { align: "right", from: "2xl" },
      cell: ({ getValue }) => <span className="text-zinc-500" data-numeric title="Pending commissions: not in the balance until their hold period ends">{getValue() ?? "—"}</span>,
    }),
    col.accessor("method", {
      header: "Payout method",
      enableSorting: false,
      cell: ({ row }) =>
        row.original.method ? (
          <div className="flex max-w-56 flex-col">
            <span>{PAYOUT_METHOD_LABELS[row.original.method]}</span>
            {row.original.details.map((line) => (
              <span key={line} className="truncate text-xs text-zinc-500" title={line}>
                {line}
              </span>
            ))}
          </div>
        ) : (
          <span className="text-amber-700">Not set</span>
        ),
    }),
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row }) => <RowActions label={row.original.name} primary={<PayButton row={row.original} onPaid={onPaid} />} />,
    }),
  ];
}

export function DueTable({
  rows,
  total,
  state,
  filters,
  method,
}: {
  rows: DueRowView[];
  total: number;
  state: ListState;
  filters: FilterDef[];
  method?: string;
}) {
  const [result, setResult] = useState<FormState>({});
  const onPaid = useCallback((s: FormState) => setResult(s), []);
  const tableColumns = useMemo(() => columns(onPaid), [onPaid]);
  const filtered = !!(state.q || method);
  const listFilters: Record<string, string> = { ...(state.q ? { q: state.q } : {}), ...(method ? { method } : {}) };
  const byId = new Map(rows.map((r) => [r.id, r]));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-end gap-3">
        <div className="mr-auto min-w-0 flex-1">
          <FormMessage state={result} testId="pay-result" />
        </div>
        {total > 0 && (
          <PayAllButton
            scope="all"
            listFilters={listFilters}
            label={filtered ? "Pay all listed…" : "Pay all due…"}
            title={`Pay all ${total.toLocaleString("en-US")} partner${total === 1 ? "" : "s"} ${filtered ? "listed" : "due"}`}
            onDone={onPaid}
          />
        )}
      </div>
      <DataTable
        label="Partners due"
        columns={tableColumns}
        rows={rows}
        total={total}
        state={state}
        getRowId={(r) => r.id}
        emptyTitle="No one is due a payout"
        emptyMessage="Partners appear here when their approved commissions (minus clawbacks) reach the minimum payout. Commissions still in their hold period are not due yet."
        toolbar={<Toolbar q={state.q} searchPlaceholder="Search partner name, email or code" filters={filters} exportHref="/api/admin/payouts/due" />}
        bulkActions={(ids, clear) => {
          const selected = ids.map((id) => byId.get(id)).filter((r): r is DueRowView => !!r);
          const total = selected.reduce((sum, r) => sum + r.balanceMinor, 0);
          return (
            <>
              <PayAllButton
                scope="selected"
                selected={selected.map((r) => ({ payment: encodePayment({ partnerId: r.id, amount: r.balanceMinor }), name: r.name, balance: r.balance }))}
                selectedTotal={selected[0] ? formatMoney(total, selected[0].currency) : ""}
                size="sm"
                label="Pay selected…"
                title={`Pay ${ids.length} selected partner${ids.length === 1 ? "" : "s"}`}
                onDone={(s) => {
                  onPaid(s);
                  clear();
                }}
              />
              <PaypalBatchButton rows={selected} />
            </>
          );
        }}
      />
    </div>
  );
}
