import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { Period } from "@/lib/domain/date-range";
import { rangeQuery, type BucketUnit, type RangePreset } from "@/lib/schemas/date-range";

const PRESETS: { range: Exclude<RangePreset, "custom">; label: string }[] = [
  { range: "7d", label: "7 days" },
  { range: "30d", label: "30 days" },
  { range: "90d", label: "90 days" },
  { range: "12m", label: "12 months" },
];

const BUCKET_LABELS: Record<BucketUnit, string> = { day: "Day", week: "Week", month: "Month" };

const segment = "inline-flex items-center px-3 py-1.5 text-sm font-medium whitespace-nowrap first:rounded-l-md last:rounded-r-md";
const segmentState = (active: boolean) => (active ? "bg-brand-600 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50");

/** Links that keep their place in a row: the active one is marked for people and for screen readers. */
function Segmented({ label, items }: { label: string; items: { href: string; label: string; active: boolean }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex divide-x divide-zinc-300 rounded-md shadow-sm ring-1 ring-zinc-300">
        {items.map((item) => (
          <li key={item.href} className="flex">
            <Link href={item.href} aria-current={item.active ? "page" : undefined} className={cn(segment, segmentState(item.active))}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The period of the report: presets as links, or a custom From–To range; state lives in the URL. */
export function RangePicker({ period }: { period: Period }) {
  const custom = period.range === "custom";
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
      <Segmented
        label="Date range"
        items={PRESETS.map((p) => ({ href: `/overview?${rangeQuery({ range: p.range })}`, label: p.label, active: period.range === p.range }))}
      />
      {/* Keyed by the dates so the inputs show the period again after each navigation. */}
      <div key={`${period.range}:${period.from}:${period.to}`}>
        <Form action="/overview" aria-label="Custom range" className={cn("flex flex-wrap items-end gap-2 rounded-md", custom && "ring-2 ring-brand-500 ring-offset-4")}>
          <input type="hidden" name="range" value="custom" />
          <div className="space-y-1">
            <label htmlFor="range-from" className="block text-xs font-medium text-zinc-600">
              From
            </label>
            <Input id="range-from" name="from" type="date" required defaultValue={period.from} className="h-9 w-40" />
          </div>
          <div className="space-y-1">
            <label htmlFor="range-to" className="block text-xs font-medium text-zinc-600">
              To
            </label>
            <Input id="range-to" name="to" type="date" required defaultValue={period.to} className="h-9 w-40" />
          </div>
          <Button type="submit" size="sm" variant={custom ? "primary" : "secondary"} className="h-9" aria-current={custom ? "true" : undefined}>
            Apply
          </Button>
        </Form>
      </div>
    </div>
  );
}

/** Day / week / month for the charts, where the length of the period allows. */
export function BucketPicker({ period }: { period: Period }) {
  if (period.bucketChoices.length < 2) return null;
  const base = { range: period.range, from: period.from, to: period.to };
  return (
    <Segmented
      label="Group charts by"
      items={period.bucketChoices.map((bucket) => ({ href: `/overview?${rangeQuery({ ...base, bucket })}`, label: BUCKET_LABELS[bucket], active: period.bucket === bucket }))}
    />
  );
}
