"use client";

import {
  createColumnHelper,
  FlexRender,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Inbox } from "lucide-react";
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Pagination } from "./pagination";
import type { ListState } from "./types";
import { useUrlParams } from "./use-url-params";

// The one table every admin list uses. The server sorts, filters and pages (the rows passed
// in are one page); TanStack Table owns the column model, header sorting and row selection;
// the URL owns the state. Columns are sortable unless they say `enableSorting: false`.

// `columnMeta` types every column's `meta` as its ColumnLayout.
export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, rowSelectionFeature, columnMeta: {} as ColumnLayout });
export type DataTableFeatures = typeof dataTableFeatures;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>;

export function columnHelper<T extends RowData>() {
  return createColumnHelper<DataTableFeatures, T>();
}

/**
 * What a column says about its place in the layout (TanStack's `meta`). A list declares the
 * columns a merchant decides by: who or what the row is, its status, its money. Those are
 * rendered with `data-essential` and must stay in view, uncovered, at laptop widths (1280 and
 * up, sidebar included; e2e/admin/layout.spec.ts checks every list). Secondary columns say
 * from which breakpoint they show (`from`), so the essential ones fit instead of scrolling.
 * Row actions are one primary button and a "More" menu (RowActions), so they stay narrow and
 * are not pinned over the other columns.
 */
export interface ColumnLayout {
  align?: "right";
  essential?: "identity" | "status" | "money";
  from?: keyof typeof FROM;
}

// Whole class names, so Tailwind sees them.
const FROM = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
  xl: "hidden xl:table-cell",
  "2xl": "hidden 2xl:table-cell",
} as const;

function layoutOf(layout: ColumnLayout = {}): { className: string; essential: string | undefined } {
  return {
    className: cn(layout.align === "right" ? "text-right" : "text-left", layout.from && FROM[layout.from]),
    essential: layout.essential,
  };
}

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === "function" ? (updater as (o: T) => T)(old) : updater;
}

export interface DataTableProps<T extends RowData> {
  columns: DataTableColumn<T>[];
  rows: T[];
  total: number;
  state: ListState;
  getRowId: (row: T) => string;
  /** Search, filters, export: rendered above the table. */
  toolbar?: React.ReactNode;
  emptyTitle?: string;
  emptyMessage?: React.ReactNode;
  /** Row selection with actions on the selected ids (e.g. bulk approve). */
  bulkActions?: (selectedIds: string[], clear: () => void) => React.ReactNode;
  /** Accessible name of the table. */
  label: string;
  /** `total` is a lower bound (a count that stopped at a cap): shown as "10,000+". */
  totalCapped?: boolean;
}

export function DataTable<T extends RowData>({ columns, rows, total, state, getRowId, toolbar, emptyTitle = "Nothing here yet", emptyMessage, bulkActions, label, totalCapped = false }: DataTableProps<T>) {
  const { setParams, pending } = useUrlParams();
  const sorting = useMemo<SortingState>(() => [{ id: state.sort, desc: state.dir === "desc" }], [state.sort, state.dir]);
  const pagination = useMemo(() => ({ pageIndex: state.page - 1, pageSize: state.size }), [state.page, state.size]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [selectionKey, setSelectionKey] = useState(rows);
  // A new page of rows clears the selection (ids of rows no longer shown would linger).
  if (selectionKey !== rows) {
    setSelectionKey(rows);
    setRowSelection({});
  }

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableRowSelection: !!bulkActions,
    state: { sorting, pagination, rowSelection },
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next) setParams({ sort: next.id, dir: next.desc ? "desc" : "asc" });
    },
    onPaginationChange: () => {},
    onRowSelectionChange: (updater) => setRowSelection((old) => resolve(updater, old)),
  });

  const selectedIds = Object.keys(rowSelection);
  const clear = () => setRowSelection({});

  return (
    <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
      {toolbar}
      {bulkActions && selectedIds.length > 0 && (
        <div className="flex flex-wrap items-center gap-3 border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm" role="region" aria-label="Bulk actions">
          <span className="font-medium text-brand-700">{selectedIds.length} selected</span>
          {bulkActions(selectedIds, clear)}
          <button type="button" className="ml-auto text-xs font-medium text-brand-700 hover:underline" onClick={clear}>
            Clear selection
          </button>
        </div>
      )}
      {/* relative: the scroller is the containing block of what is absolutely placed in it (the
          sr-only header text), which would otherwise widen the whole page. */}
      <div className={cn("relative overflow-x-auto transition-opacity", pending && "pointer-events-none opacity-60")} aria-busy={pending}>
        <table className="min-w-full text-sm" aria-label={label}>
          <thead className="bg-zinc-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {bulkActions && (
                  <th scope="col" className="w-10 px-3 py-2.5 sm:pl-4">
                    <input
                      type="checkbox"
                      aria-label="Select all rows on this page"
                      className="h-4 w-4 rounded border-zinc-300 accent-brand-600"
                      checked={table.getIsAllRowsSelected()}
                      ref={(el) => {
                        if (el) el.indeterminate = table.getIsSomeRowsSelected();
                      }}
                      onChange={table.getToggleAllRowsSelectedHandler()}
                    />
                  </th>
                )}
                {group.headers.map((header) => {
                  const canSort = header.column.getCanSort();
                  const sorted = header.column.getIsSorted();
                  const { className, essential } = layoutOf(header.column.columnDef.meta);
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}
                      data-essential={essential}
                      className={cn("px-3 py-2.5 text-xs font-medium tracking-wide whitespace-nowrap text-zinc-500 uppercase first:pl-4", className)}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={cn("inline-flex items-center gap-1 uppercase hover:text-zinc-800", sorted && "text-zinc-800")}
                        >
                          <FlexRender header={header} />
                          {sorted === "asc" ? (
                            <ArrowUp className="h-3.5 w-3.5" aria-hidden />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="h-3.5 w-3.5" aria-hidden />
                          ) : (
                            <ArrowUpDown className="h-3.5 w-3.5 opacity-40" aria-hidden />
                          )}
                        </button>
                      ) : (
                        <FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={cn("group hover:bg-zinc-50", row.getIsSelected() && "bg-brand-50")} data-testid="data-row">
                {bulkActions && (
                  <td className="px-3 py-2.5 sm:pl-4">
                    <input
                      type="checkbox"
                      aria-label="Select row"
                      className="h-4 w-4 rounded border-zinc-300 accent-brand-600"
                      checked={row.getIsSelected()}
                      onChange={row.getToggleSelectedHandler()}
                    />
                  </td>
                )}
                {row.getAllCells().map((cell) => {
                  const { className, essential } = layoutOf(cell.column.columnDef.meta);
                  return (
                    <td key={cell.id} data-essential={essential} className={cn("px-3 py-2.5 whitespace-nowrap text-zinc-700 first:pl-4", className)}>
                      <FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <div className="flex flex-col items-center px-6 py-14 text-center" data-testid="empty-state">
            <Inbox className="h-8 w-8 text-zinc-300" aria-hidden />
            <p className="mt-3 text-sm font-medium text-zinc-900">{state.q ? `Nothing matches “${state.q}”` : emptyTitle}</p>
            {emptyMessage && <div className="mt-1 max-w-sm text-sm text-zinc-500">{emptyMessage}</div>}
          </div>
        )}
      </div>
      <Pagination page={state.page} size={state.size} total={total} shown={rows.length} capped={totalCapped} />
    </div>
  );
}
