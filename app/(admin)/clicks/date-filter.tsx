"use client";

import { useUrlParams } from "@/components/data-table/use-url-params";
import { Input } from "@/components/ui/input";

/** From/To dates of a list (?from=YYYY-MM-DD&to=YYYY-MM-DD), in the program's time zone. */
export function DateFilter({ from, to }: { from?: string; to?: string }) {
  const { setParams } = useUrlParams();
  return (
    <div className="flex gap-2">
      {(
        [
          ["from", "From", from],
          ["to", "To", to],
        ] as const
      ).map(([name, label, value]) => (
        <label key={name} className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
          {label}
          <Input type="date" name={name} value={value ?? ""} onChange={(e) => setParams({ [name]: e.target.value })} className="h-9 w-40 py-1" />
        </label>
      ))}
    </div>
  );
}
