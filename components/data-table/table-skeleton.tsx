/** What a list shows while its page is loading (loading.tsx). */
export function TableSkeleton({ rows = 8, columns = 6 }: { rows?: number; columns?: number }) {
  return (
    <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200" aria-busy="true" aria-label="Loading">
      <div className="h-14 border-b border-zinc-200 bg-white" />
      <div className="divide-y divide-zinc-100">
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex gap-6 px-4 py-3.5">
            {Array.from({ length: columns }, (_, c) => (
              <div key={c} className="h-3.5 flex-1 animate-pulse rounded bg-zinc-100" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
