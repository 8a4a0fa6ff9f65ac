import Form from "next/form";
import { PresetRangeLinks } from "@/components/period-links";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { Period } from "@/lib/domain/date-range";

/** The period of the report: presets as links, or a custom From–To range; state lives in the URL. */
export function RangePicker({ period }: { period: Period }) {
  const custom = period.range === "custom";
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
      <PresetRangeLinks base="/overview" period={period} />
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
