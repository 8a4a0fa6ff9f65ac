import { Card } from "@/components/ui/card";
import { TableSkeleton } from "@/components/data-table/table-skeleton";

export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading partner">
      <div className="h-8 w-64 animate-pulse rounded bg-zinc-200" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
        {Array.from({ length: 7 }, (_, i) => (
          <Card key={i} className="h-20 animate-pulse p-4" />
        ))}
      </div>
      <Card className="h-80 animate-pulse" />
      <TableSkeleton rows={4} columns={4} />
    </div>
  );
}
