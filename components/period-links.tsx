import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { Period } from "@/lib/domain/date-range";
import { rangeQuery, type BucketUnit, type RangePreset } from "@/lib/schemas/date-range";

// A report's period as rows of links (the admin Overview and the partner portal): the preset
// ranges, and day / week / month for the charts. The state lives in the URL, under `base`.

const PRESETS: { range: Exclude<RangePreset, "custom">; label: string }[] = [
  { range: "7d", label: "7 days" },
  { range: "30d", label: "30 days" },
  { range: "90d", label: "90 days" },
  { range: "12m", label: "12 months" },
];

const BUCKET_LABELS: Record<BucketUnit, string> = { day: "Day", week: "Week", month: "Month" };

const segment = "inline-flex items-center px-3 py-1.5 text-sm font-medium whitespace-nowrap first:rounded-l-md last:rounded-r-md";
const segmentState = (active: boolean) => (active ? "bg-brand-600 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50");

interface PeriodLinksProps {
  base: string;
  period: Period;
  /** false keeps the page where it is (the portal's picker sits below its header). */
  scroll?: boolean;
}

/** Links that keep their place in a row: the active one is marked for people and for screen readers. */
function Segmented({ label, items, scroll }: { label: string; items: { href: string; label: string; active: boolean }[]; scroll?: boolean }) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex divide-x divide-zinc-300 rounded-md shadow-sm ring-1 ring-zinc-300">
        {items.map((item) => (
          <li key={item.href} className="flex">
            <Link href={item.href} scroll={scroll} aria-current={item.active ? "page" : undefined} className={cn(segment, segmentState(item.active))}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PresetRangeLinks({ base, period, scroll }: PeriodLinksProps) {
  return (
    <Segmented
      label="Date range"
      scroll={scroll}
      items={PRESETS.map((p) => ({ href: `${base}?${rangeQuery({ range: p.range })}`, label: p.label, active: period.range === p.range }))}
    />
  );
}

/** Day / week / month for the charts, where the length of the period allows. */
export function BucketLinks({ base, period, scroll }: PeriodLinksProps) {
  if (period.bucketChoices.length < 2) return null;
  const current = { range: period.range, from: period.from, to: period.to };
  return (
    <Segmented
      label="Group charts by"
      scroll={scroll}
      items={period.bucketChoices.map((bucket) => ({ href: `${base}?${rangeQuery({ ...current, bucket })}`, label: BUCKET_LABELS[bucket], active: period.bucket === bucket }))}
    />
  );
}
