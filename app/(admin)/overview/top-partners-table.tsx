import Link from "next/link";
import { Section } from "@/components/ui/card";
import { formatMoney } from "@/lib/domain/money";
import type { TopPartner } from "@/lib/services/overview/top-partners";

const counts = new Intl.NumberFormat("en-US");
const th = "px-3 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase";
const td = "px-3 py-2.5 text-sm";
// On a phone the conversions column gives way so names and money fit without scrolling.

/** The partners who brought the most revenue in the period. */
export function TopPartnersTable({ rows, currency }: { rows: TopPartner[]; currency: string }) {
  return (
    <Section title="Top partners" description="By revenue in this period: referred orders net of refunds, and the commissions they earned.">
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">No referred sales in this period.</p>
      ) : (
        <div className="-mx-3 overflow-x-auto">
          <table className="min-w-full" aria-label="Top partners" data-testid="top-partners">
            <thead>
              <tr className="border-b border-zinc-200">
                <th scope="col" className={`${th} text-left`}>
                  Partner
                </th>
                <th scope="col" className={`${th} hidden text-right sm:table-cell`}>
                  Conversions
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Revenue
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Commission
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={`${td} text-left font-medium`} data-essential="identity">
                    <Link href={`/partners/${row.id}`} className="text-brand-700 hover:underline">
                      {row.name}
                    </Link>
                  </th>
                  <td className={`${td} hidden text-right tabular-nums sm:table-cell`}>{counts.format(row.conversions)}</td>
                  <td className={`${td} text-right tabular-nums`} data-essential="money">
                    {formatMoney(row.revenue, currency)}
                  </td>
                  <td className={`${td} text-right tabular-nums`} data-essential="money">
                    {formatMoney(row.commission, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
