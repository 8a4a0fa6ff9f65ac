"use client";

import { Pencil, Plus } from "lucide-react";
import { useMemo } from "react";
import { columnHelper, DataTable } from "@/components/data-table/data-table";
import { RowActions } from "@/components/data-table/row-actions";
import { Toolbar } from "@/components/data-table/toolbar";
import { ProductThumb } from "@/components/ui/product-thumb";
import type { ListState } from "@/components/data-table/types";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DialogButton } from "@/components/ui/dialog-button";
import { deleteProductAction } from "./actions";
import { ProductForm, type EditableProduct } from "./product-form";

/** One product as the server formats it. */
export interface ProductTableRow extends EditableProduct {
  priceText: string | null;
  rateGroup: { name: string; rate: string; via: string | null } | null;
}

function columnsFor(currency: string) {
  const h = columnHelper<ProductTableRow>();
  return [
    h.accessor("imageUrl", {
      header: () => <span className="sr-only">Image</span>,
      enableSorting: false,
      cell: ({ row }) => <ProductThumb src={row.original.imageUrl} />,
    }),
    h.accessor("name", {
      header: "Name",
      meta: { essential: "identity" },
      cell: ({ row }) => (
        <div className="max-w-64 min-w-40">
          <p className="truncate font-medium text-zinc-900" title={row.original.name}>
            {row.original.name}
          </p>
          {row.original.url && (
            <a href={row.original.url} target="_blank" rel="noreferrer" className="block truncate text-xs text-zinc-500 hover:text-brand-700" title={row.original.url}>
              {row.original.url.replace(/^https?:\/\//, "")}
            </a>
          )}
        </div>
      ),
    }),
    h.accessor("id", { header: "ID", meta: { from: "xl" }, cell: ({ row }) => <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">{row.original.id}</code> }),
    h.accessor("priceText", {
      id: "price",
      header: "Price",
      meta: { align: "right", essential: "money" },
      cell: ({ row }) => (row.original.priceText ? <span data-numeric>{row.original.priceText}</span> : <span className="text-zinc-400">—</span>),
    }),
    h.accessor("categories", {
      header: "Categories",
      meta: { from: "2xl" },
      enableSorting: false,
      cell: ({ row }) =>
        row.original.categories.length ? (
          <div className="flex max-w-56 flex-wrap gap-1">
            {row.original.categories.map((c) => (
              <span key={c.id} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700" title={c.id}>
                {c.name}
              </span>
            ))}
          </div>
        ) : (
          <span className="text-zinc-400">—</span>
        ),
    }),
    h.accessor("rateGroup", {
      header: "Rate group",
      enableSorting: false,
      meta: { essential: "money" },
      cell: ({ row }) => {
        const g = row.original.rateGroup;
        if (!g) return <span className="text-zinc-400">Partner&apos;s rate</span>;
        return (
          // A group's name is the merchant's to choose and can be long: it wraps, so the
          // rate beside it stays on screen.
          <div className="max-w-56 whitespace-normal">
            <p className="text-zinc-900">
              {g.name} <span className="font-medium whitespace-nowrap text-brand-700">{g.rate}</span>
            </p>
            {g.via && <p className="text-xs text-zinc-500">via category {g.via}</p>}
          </div>
        );
      },
    }),
    h.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row }) => (
        <RowActions
          label={row.original.name}
          primary={
            <DialogButton
              label="Edit"
              triggerLabel={`Edit ${row.original.name}`}
              icon={<Pencil className="h-3.5 w-3.5" aria-hidden />}
              variant="secondary"
              size="sm"
              title={`Edit “${row.original.name}”`}
              wide
            >
              {(close) => <ProductForm product={row.original} currency={currency} onDone={close} />}
            </DialogButton>
          }
        >
          <ConfirmAction
            asMenuItem
            action={deleteProductAction}
            fields={{ id: row.original.id }}
            trigger="Delete"
            title={`Delete “${row.original.name}”?`}
            description="It leaves the catalog and its rate group. Past orders and their commissions stay as they are; a later sync from the store adds it back."
            confirmLabel="Delete product"
          />
        </RowActions>
      ),
    }),
  ];
}

export function ProductsTable({ rows, total, state, currency }: { rows: ProductTableRow[]; total: number; state: ListState; currency: string }) {
  const columns = useMemo(() => columnsFor(currency), [currency]);
  return (
    <DataTable
      label="Catalog"
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(row) => row.id}
      toolbar={
        <Toolbar q={state.q} searchPlaceholder="Name or id">
          <div className="ml-auto">
            <DialogButton label="Add product" icon={<Plus className="h-4 w-4" aria-hidden />} variant="secondary" size="sm" title="Add product" wide>
              {(close) => <ProductForm currency={currency} onDone={close} />}
            </DialogButton>
          </div>
        </Toolbar>
      }
      emptyTitle="No products yet"
      emptyMessage="Sync your catalog with PUT /api/v1/products, or add products by hand."
    />
  );
}
