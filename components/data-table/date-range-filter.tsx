"use client";

import { X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useUrlParams } from "@/components/data-table/use-url-params";
import { Input } from "@/components/ui/input";

// A day typed from the keyboard passes through years like 0002 and 0020 on its way to 2024;
// only a plausible, settled date goes to the URL.
const plausible = (day: string) => day === "" || (/^\d{4}-\d{2}-\d{2}$/.test(day) && day >= "2000-01-01" && day <= "2100-12-31");

/** From / To days for the list, in the program's time zone (both days included). */
export function DateRangeFilter({ from = "", to = "", timezone }: { from?: string; to?: string; timezone: string }) {
  const { setParams } = useUrlParams();
  const [range, setRange] = useState({ from, to });
  // The URL changed elsewhere (back button, a link): show what it says.
  const [seen, setSeen] = useState({ from, to });
  if (seen.from !== from || seen.to !== to) {
    setSeen({ from, to });
    setRange({ from, to });
  }
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return;
    if (!plausible(range.from) || !plausible(range.to)) return;
    if (range.from === from && range.to === to) return;
    const timer = setTimeout(() => setParams({ from: range.from, to: range.to }), 400);
    return () => clearTimeout(timer);
  }, [range, from, to, setParams]);

  const change = (key: "from" | "to") => (e: React.ChangeEvent<HTMLInputElement>) => {
    typed.current = true;
    setRange((r) => ({ ...r, [key]: e.target.value }));
  };
  const hint = `Days in the program's time zone (${timezone})`;

  return (
    <div className="flex items-end gap-2" role="group" aria-label="Date range">
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600" title={hint}>
        From
        <Input type="date" className="h-9 w-38" value={range.from} max={range.to || undefined} onChange={change("from")} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600" title={hint}>
        To
        <Input type="date" className="h-9 w-38" value={range.to} min={range.from || undefined} onChange={change("to")} />
      </label>
      {(from || to) && (
        <button
          type="button"
          className="mb-1.5 rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
          aria-label="Clear dates"
          onClick={() => {
            typed.current = false;
            setRange({ from: "", to: "" });
            setParams({ from: null, to: null });
          }}
        >
          <X className="h-4 w-4" aria-hidden />
        </button>
      )}
    </div>
  );
}
