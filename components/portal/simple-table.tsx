// A plain server-rendered table for the portal's short lists: the rows arrive one page at a
// time from the server, so no client-side table machinery is needed.

export const th = "px-3 py-2 text-left text-xs font-medium tracking-wide whitespace-nowrap text-zinc-500 uppercase first:pl-5 sm:first:pl-6 last:pr-5 sm:last:pr-6";
export const td = "px-3 py-2.5 whitespace-nowrap text-zinc-700 first:pl-5 sm:first:pl-6 last:pr-5 sm:last:pr-6";

export function SimpleTable({ label, head, children }: { label: string; head: React.ReactNode; children: React.ReactNode }) {
  return (
    // relative: an absolutely placed sr-only header scrolls in this box instead of widening the page
    <div className="relative -mx-5 overflow-x-auto sm:-mx-6">
      <table className="min-w-full text-sm" aria-label={label}>
        <thead className="border-y border-zinc-200 bg-zinc-50">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">{children}</tbody>
      </table>
    </div>
  );
}
