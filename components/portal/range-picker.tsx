import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { Period } from "@/lib/domain/date-range";
import { rangeQuery, type BucketUnit, type RangePreset } from "@/lib/schemas/date-range";

// The portal's report period: the admin Overview's presets (app/(admin)/overview/
// range-picker.tsx) as links under the portal's own path; the state lives in the URL.

const PRESETS: { range: Exclude<RangePreset, "custom">; label: string }[] = [
  { range: "7d", label: "7 days" },
  { range: "30d", label: "30 days" },
  { range: "90d", label: "90 days" },
  { range: "12m", label: "12 months" },
];
const BUCKET_LABELS: Record<BucketUnit, string> = { day: "Day", week: "Week", month: "Month" };

const segment = "inline-flex items-center px-3 py-1.5 text-sm font-medium whitespace-nowrap first:rounded-l-md last:rounded-r-md";

function Segmented({ label, items }: { label: string; items: { href: string; label: string; active: boolean }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex divide-x divide-zinc-300 rounded-md shadow-sm ring-1 ring-zinc-300">
        {items.map((item) => (
          <li key={item.href} className="flex">
            <Link
              href={item.href}
              scroll={false}
              aria-current={item.active ? "page" : undefined}
              className={cn(segment, item.active ? "bg-brand-600 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50")}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PortalRangePicker({ base, period }: { base: string; period: Period }) {
  return (
    <Segmented label="Date range" items={PRESETS.map((p) => ({ href: `${base}?${rangeQuery({ range: p.range })}`, label: p.label, active: period.range === p.range }))} />
  );
}

export function PortalBucketPicker({ base, period }: { base: string; period: Period }) {
  if (period.bucketChoices.length < 2) return null;
  const current = { range: period.range, from: period.from, to: period.to };
  return (
    <Segmented
      label="Group charts by"
      items={period.bucketChoices.map((bucket) => ({ href: `${base}?${rangeQuery({ ...current, bucket })}`, label: BUCKET_LABELS[bucket], active: period.bucket === bucket }))}
    />
  );
}
