import { CopyButton } from "@/components/ui/copy-button";
import { SimpleTable, td, th } from "@/components/portal/simple-table";
import { formatMoney } from "@/lib/domain/money";
import type { LinkListRow } from "@/lib/services/links";

// The partner's custom links with what each brought in (lib/services/links.ts counts them
// the way the merchant's Links page does).

const counts = new Intl.NumberFormat("en-US");

export function LinksTable({ rows, currency }: { rows: LinkListRow[]; currency: string }) {
  if (!rows.length) return <p className="text-sm text-zinc-500">No links yet. Create one above, or pick a product below.</p>;
  return (
    <SimpleTable
      label="Your links"
      head={
        <>
          <th className={th}>Link</th>
          <th className={th}>Leads to</th>
          <th className={`${th} text-right`}>Clicks</th>
          <th className={`${th} text-right`}>Sales</th>
          <th className={`${th} text-right`}>Revenue</th>
          <th className={`${th} text-right`}>Commission</th>
        </>
      }
    >
      {rows.map((l) => (
        <tr key={l.id} data-testid="link-row">
          <td className={td} data-essential="identity">
            <div className="flex items-center gap-2">
              <code className="text-zinc-900">/a/{l.slug}</code>
              <CopyButton value={l.url} label="Copy" />
            </div>
          </td>
          <td className={`${td} max-w-64 truncate`} title={l.destinationUrl}>
            {l.destinationUrl}
          </td>
          <td className={`${td} text-right tabular-nums`} data-testid="link-clicks">
            {counts.format(l.clicks)}
          </td>
          <td className={`${td} text-right tabular-nums`}>{counts.format(l.sales)}</td>
          <td className={`${td} text-right tabular-nums`}>{formatMoney(l.revenue, currency)}</td>
          <td className={`${td} text-right tabular-nums`} data-essential="money">
            {formatMoney(l.commission, currency)}
          </td>
        </tr>
      ))}
    </SimpleTable>
  );
}
