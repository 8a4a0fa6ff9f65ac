"use client";

import { useState } from "react";
import { useUrlParams } from "@/components/data-table/use-url-params";
import { TypeAhead, type TypeAheadOption } from "@/components/ui/type-ahead";

/** A list filter by partner (?partner=<id>): a type-ahead, since a program may have thousands. */
export function PartnerFilter({ partner }: { partner?: TypeAheadOption }) {
  const { setParams } = useUrlParams();
  const [selected, setSelected] = useState<TypeAheadOption[]>(partner ? [partner] : []);
  return (
    <TypeAhead
      id="partner-filter"
      label="Partner"
      size="sm"
      className="w-full sm:w-64"
      searchUrl="/api/admin/partners/search"
      placeholder="All partners"
      selected={selected}
      onChange={(next) => {
        setSelected(next);
        setParams({ partner: next[0]?.value ?? null });
      }}
    />
  );
}
