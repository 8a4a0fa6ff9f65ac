"use client";

import { Gamepad2, Monitor, Smartphone, Tablet, Tv, Watch, HelpCircle } from "lucide-react";
import { columnHelper, DataTable } from "@/components/data-table/data-table";
import { Toolbar } from "@/components/data-table/toolbar";
import type { FilterDef, ListState } from "@/components/data-table/types";
import { Badge, type Tone } from "@/components/ui/badge";
import type { TypeAheadOption } from "@/components/ui/type-ahead";
import type { DeviceKind } from "@/lib/domain/user-agent";
import { CLICK_STATUS_FILTERS, CLICK_STATUS_LABELS, type ClickFilters } from "@/lib/schemas/click-list";
import type { ClickDeclineReason } from "@/lib/schemas/enums";
import { PartnerFilter } from "@/components/partner-filter";
import { DateFilter } from "./date-filter";

/** One click as the server shapes it (time already in the program's zone, user agent read). */
export interface ClickTableRow {
  id: string;
  time: string;
  timeIso: string;
  partnerName: string;
  referralCode: string;
  linkSlug: string | null;
  landingUrl: string | null;
  referrerHost: string | null;
  referrer: string | null;
  device: DeviceKind | null;
  deviceLabel: string;
  browser: string | null;
  os: string | null;
  userAgent: string | null;
  declinedReason: ClickDeclineReason | null;
  converted: boolean;
}

const DEVICE_ICONS: Record<DeviceKind, typeof Monitor> = {
  desktop: Monitor,
  mobile: Smartphone,
  tablet: Tablet,
  tv: Tv,
  console: Gamepad2,
  wearable: Watch,
  other: HelpCircle,
};

const DECLINED: Record<ClickDeclineReason, { label: string; tone: Tone }> = {
  bot: { label: "Declined: bot", tone: "gray" },
  duplicate: { label: "Declined: repeat within the hour", tone: "yellow" },
  partner_not_approved: { label: "Declined: partner not approved", tone: "red" },
};

const h = columnHelper<ClickTableRow>();

// What a click came to (counted or why not, converted) right after whose it was, so it is in
// view on a laptop; where it landed, came from and on what device follow.
const columns = [
  h.accessor("time", {
    id: "createdAt",
    header: "Time",
    meta: { from: "sm" },
    cell: ({ row }) => (
      <time dateTime={row.original.timeIso} className="text-zinc-600">
        {row.original.time}
      </time>
    ),
  }),
  h.accessor("partnerName", {
    header: "Partner",
    enableSorting: false,
    meta: { essential: "identity" },
    cell: ({ row }) => (
      <div className="max-w-48">
        <p className="truncate font-medium text-zinc-900" title={row.original.partnerName}>
          {row.original.partnerName}
        </p>
        <p className="truncate text-xs text-zinc-500">{row.original.referralCode}</p>
      </div>
    ),
  }),
  h.accessor("linkSlug", {
    header: "Link",
    enableSorting: false,
    meta: { from: "xl" },
    cell: ({ row }) =>
      row.original.linkSlug ? <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">/a/{row.original.linkSlug}</code> : <span className="text-zinc-500">Referral link</span>,
  }),
  h.accessor("declinedReason", {
    header: "Outcome",
    enableSorting: false,
    meta: { essential: "status" },
    cell: ({ row }) => {
      const reason = row.original.declinedReason;
      return reason ? <Badge tone={DECLINED[reason].tone}>{DECLINED[reason].label}</Badge> : <Badge tone="green">Counted</Badge>;
    },
  }),
  h.accessor("converted", {
    header: "Converted",
    enableSorting: false,
    meta: { essential: "status" },
    cell: ({ row }) => (row.original.converted ? <Badge tone="blue">Converted</Badge> : <span className="text-zinc-400">No</span>),
  }),
  h.accessor("landingUrl", {
    header: "Landing page",
    enableSorting: false,
    meta: { from: "2xl" },
    cell: ({ row }) =>
      row.original.landingUrl ? (
        <span className="block max-w-56 truncate" title={row.original.landingUrl}>
          {row.original.landingUrl.replace(/^https?:\/\//, "")}
        </span>
      ) : (
        <span className="text-zinc-400">—</span>
      ),
  }),
  h.accessor("referrerHost", {
    header: "Referrer",
    enableSorting: false,
    meta: { from: "2xl" },
    cell: ({ row }) => (row.original.referrerHost ? <span title={row.original.referrer ?? undefined}>{row.original.referrerHost}</span> : <span className="text-zinc-400">Direct</span>),
  }),
  h.accessor("deviceLabel", {
    header: "Device",
    enableSorting: false,
    meta: { from: "xl" },
    cell: ({ row }) => {
      const r = row.original;
      const Icon = r.device ? DEVICE_ICONS[r.device] : HelpCircle;
      return (
        <div className="flex items-center gap-2" title={r.userAgent ?? "No user agent"}>
          <Icon className="h-4 w-4 shrink-0 text-zinc-400" aria-hidden />
          <div className="min-w-0">
            <p className="text-zinc-800">{r.deviceLabel}</p>
            <p className="text-xs text-zinc-500">{[r.browser, r.os].filter(Boolean).join(" · ") || "Unknown browser"}</p>
          </div>
        </div>
      );
    },
  }),
];

const FILTERS: FilterDef[] = [
  { name: "status", label: "Outcome", allLabel: "All clicks", options: CLICK_STATUS_FILTERS.map((value) => ({ value, label: CLICK_STATUS_LABELS[value] })) },
  {
    name: "converted",
    label: "Converted",
    allLabel: "Either",
    options: [
      { value: "yes", label: "Converted to a sale" },
      { value: "no", label: "Not converted" },
    ],
  },
];

export function ClicksTable({
  rows,
  total,
  capped,
  state,
  filters,
  partner,
}: {
  rows: ClickTableRow[];
  total: number;
  capped: boolean;
  state: ListState;
  filters: ClickFilters;
  partner?: TypeAheadOption;
}) {
  const filtered = Object.values(filters).some(Boolean);
  return (
    <DataTable
      label="Clicks"
      columns={columns}
      rows={rows}
      total={total}
      totalCapped={capped}
      state={state}
      getRowId={(row) => row.id}
      toolbar={
        <Toolbar filters={FILTERS} exportHref="/api/admin/clicks" q={state.q}>
          <PartnerFilter partner={partner} />
          <DateFilter from={filters.from} to={filters.to} />
        </Toolbar>
      }
      emptyTitle={filtered ? "No clicks match these filters" : "No clicks yet"}
      emptyMessage={
        filtered ? "Try another partner, outcome or dates." : "Clicks appear here when visitors arrive through a partner's /r/<code> link, a custom /a/<slug> link or ?ref= on your store."
      }
    />
  );
}
