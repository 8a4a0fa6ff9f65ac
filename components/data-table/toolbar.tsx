"use client";

import { Download, Search, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { FilterDef } from "./types";
import { useUrlParams } from "./use-url-params";

/** Search box (debounced), filter dropdowns and the CSV export of what is filtered. */
export function Toolbar({
  q,
  searchPlaceholder,
  filters = [],
  exportHref,
  children,
}: {
  q: string;
  searchPlaceholder?: string;
  filters?: FilterDef[];
  exportHref?: string;
  children?: React.ReactNode;
}) {
  const { searchParams, setParams } = useUrlParams();
  const [text, setText] = useState(q);
  const searchId = useId();
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => setParams({ q: text.trim() }), 300);
    return () => clearTimeout(timer);
  }, [text, setParams]);

  const exportQuery = new URLSearchParams(searchParams.toString());
  exportQuery.delete("page");
  exportQuery.delete("size");

  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-zinc-200 p-3 sm:px-4">
      {searchPlaceholder && (
        <div className="flex w-full flex-col gap-1 sm:w-72">
          <label htmlFor={searchId} className="text-xs font-medium text-zinc-600">
            Search
          </label>
          <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 text-zinc-400" aria-hidden />
          <Input
            id={searchId}
            type="search"
            placeholder={searchPlaceholder}
            value={text}
            onChange={(e) => {
              typed.current = true;
              setText(e.target.value);
            }}
            className="pl-9"
          />
          {text && (
            <button
              type="button"
              className="absolute top-1/2 right-2 -translate-y-1/2 rounded p-1 text-zinc-400 hover:text-zinc-700"
              aria-label="Clear search"
              onClick={() => {
                typed.current = true;
                setText("");
              }}
            >
              <X className="h-4 w-4" aria-hidden />
            </button>
          )}
          </div>
        </div>
      )}
      {filters.map((f) => (
        <label key={f.name} className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
          {f.label}
          <Select
            aria-label={f.label}
            value={searchParams.get(f.name) ?? ""}
            onChange={(e) => setParams({ [f.name]: e.target.value })}
            className="h-9 w-auto min-w-36"
          >
            <option value="">{f.allLabel ?? "All"}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </label>
      ))}
      {children}
      {exportHref && (
        <a href={`${exportHref}${exportQuery.size ? `?${exportQuery}` : ""}`} className={buttonClasses("secondary", "sm", "ml-auto")} download>
          <Download className="h-4 w-4" aria-hidden /> Export CSV
        </a>
      )}
    </div>
  );
}
