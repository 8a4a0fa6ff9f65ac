import { Card } from "@/components/ui/card";

// What the Overview shows while its figures load: the same grid, without numbers.
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading">
      <div className="space-y-2">
        <div className="h-7 w-40 animate-pulse rounded bg-zinc-200" />
        <div className="h-4 w-80 max-w-full animate-pulse rounded bg-zinc-100" />
      </div>
      <div className="h-9 w-full max-w-2xl animate-pulse rounded-md bg-zinc-100" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Card key={i} className="space-y-3 p-4">
            <div className="h-3 w-24 animate-pulse rounded bg-zinc-100" />
            <div className="h-6 w-32 animate-pulse rounded bg-zinc-200" />
            <div className="h-3 w-20 animate-pulse rounded bg-zinc-100" />
          </Card>
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {Array.from({ length: 2 }, (_, i) => (
          <Card key={i} className="p-6">
            <div className="mb-4 h-4 w-48 animate-pulse rounded bg-zinc-200" />
            <div className="h-[280px] animate-pulse rounded bg-zinc-100" />
          </Card>
        ))}
      </div>
    </div>
  );
}
