"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

// The hold period, and what a change does to the commissions already pending: by default
// they keep the date they were given; the box applies the new period to them as well
// (lib/services/hold-period.ts: sale date + new period; past it, payable at once).

const counts = new Intl.NumberFormat("en-US");

export function HoldPeriodField({ saved, pendingCount, error }: { saved: number; pendingCount: number; error?: string }) {
  const [value, setValue] = useState(String(saved));
  const [apply, setApply] = useState(false);
  const days = /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : null;
  const changed = days !== null && days !== saved && pendingCount > 0;
  const them = `${counts.format(pendingCount)} pending commission${pendingCount === 1 ? "" : "s"}`;
  return (
    <div className="space-y-2">
      <Field id="holdDays" label="Hold period (days)" error={error} hint="Commissions stay pending this long after the sale.">
        {(p) => <Input {...p} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      {changed && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900" data-testid="hold-note">
          <p>
            {apply
              ? `${them} will be payable ${days} day${days === 1 ? "" : "s"} after their sale; those past that date become payable when you save.`
              : `${them} keep their current date; the new period applies to commissions recorded from now on.`}
          </p>
          <label className="mt-1.5 flex items-center gap-2 font-medium">
            <input type="checkbox" name="applyHoldToPending" checked={apply} onChange={(e) => setApply(e.target.checked)} className="h-4 w-4" />
            Apply the new period to the {them} too
          </label>
        </div>
      )}
    </div>
  );
}
