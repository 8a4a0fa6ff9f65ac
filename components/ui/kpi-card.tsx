import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { Card } from "./card";
import { cn } from "./cn";

export interface KpiChange {
  /** What the card shows: "+12.3 %", "−4.0 %", "new", "no change". */
  text: string;
  /** What a screen reader says instead: "up 12.3 % from $1,000.00 in the previous period". */
  description: string;
  direction: "up" | "down" | "flat";
}

const directions = {
  up: { icon: ArrowUpRight, tone: "bg-emerald-50 text-emerald-700" },
  down: { icon: ArrowDownRight, tone: "bg-red-50 text-red-700" },
  flat: { icon: Minus, tone: "bg-zinc-100 text-zinc-600" },
} as const;

/**
 * One figure with its name, an optional line of context and an optional change against a
 * previous period. Place cards inside a <dl>. The change is told by its sign and arrow as
 * well as its colour, and in words to screen readers.
 */
export function KpiCard({ label, value, hint, change, testId }: { label: string; value: string; hint?: string; change?: KpiChange; testId?: string }) {
  const direction = change ? directions[change.direction] : null;
  const Icon = direction?.icon;
  return (
    <Card className="flex flex-col p-4" data-testid={testId ? `${testId}-card` : undefined}>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-zinc-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="mt-0.5 text-xs text-zinc-500">{hint}</dd>}
      {change && direction && Icon && (
        <dd className="mt-auto flex flex-wrap items-center gap-1.5 pt-2 text-xs text-zinc-500" data-testid={testId ? `${testId}-change` : undefined}>
          <span aria-hidden className={cn("inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 font-medium tabular-nums", direction.tone)}>
            <Icon className="h-3.5 w-3.5" />
            {change.text}
          </span>
          <span aria-hidden>vs. previous</span>
          <span className="sr-only">{change.description}</span>
        </dd>
      )}
    </Card>
  );
}
