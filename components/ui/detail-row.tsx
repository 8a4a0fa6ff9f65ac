/** One labelled value of a detail page's description list (`<dl>`). */
export function DetailRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 py-2.5 text-sm">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="col-span-2 min-w-0 text-zinc-900 wrap-anywhere">{children}</dd>
    </div>
  );
}
