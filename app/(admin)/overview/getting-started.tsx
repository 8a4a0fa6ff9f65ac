import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getDemoStatus } from "@/lib/services/demo-data";
import { getGettingStarted } from "@/lib/services/getting-started/checklist";
import { DemoDataControls } from "./demo-data-controls";

// The Overview's "Getting started" card for a new program: the steps from setting the store's
// address to the first sale, each read from the data (lib/services/getting-started) and linked
// to where it is done. Gone once every step is done (unless the demo program is still
// loaded: the card holds its "Clear demo data").

export async function GettingStarted() {
  const db = await getDb();
  const [steps, demo] = await Promise.all([getGettingStarted(db), getDemoStatus(db)]);
  const left = steps.filter((s) => !s.done).length;
  // while the demo is loaded the card stays, for its "Clear demo data"
  if (left === 0 && !demo.loaded) return null;
  return (
    <Card className="p-5 sm:p-6" role="region" aria-labelledby="getting-started-title">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="getting-started-title" className="text-base font-semibold text-zinc-900">
            Getting started
          </h2>
          <p className="mt-1 text-sm text-zinc-500">
            {steps.length - left} of {steps.length} done. Each step ticks itself once it has happened.
          </p>
        </div>
        {(demo.empty || demo.loaded) && <DemoDataControls empty={demo.empty} loaded={demo.loaded} />}
      </div>
      <ol className="divide-y divide-zinc-100" data-testid="getting-started">
        {steps.map((step) => (
          <li key={step.id} data-step={step.id} data-done={step.done} className="flex items-start gap-3 py-2.5">
            {step.done ? (
              <CheckCircle2 className="mt-0.5 h-5 w-5 shrink-0 text-emerald-600" aria-hidden />
            ) : (
              <Circle className="mt-0.5 h-5 w-5 shrink-0 text-zinc-300" aria-hidden />
            )}
            <div className="min-w-0">
              <Link href={step.href} className={step.done ? "text-sm font-medium text-zinc-500 line-through hover:underline" : "text-sm font-medium text-brand-700 hover:underline"}>
                {step.title}
              </Link>
              <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              <p className="text-xs text-zinc-500">{step.hint}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
