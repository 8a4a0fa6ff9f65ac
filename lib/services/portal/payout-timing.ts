import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";

// When a partner's money moves, for the portal's wording (components/portal/earnings-cards.tsx):
//   nextPayableAt / nextPayableAmount  the earliest hold end among their pending commissions
//       and how much becomes payable then (approveDueCommissions approves it at that moment);
//   voidedPayoutDue  a payout of theirs was voided and commissions it returned to the balance
//       are still unpaid. voidPayout writes each returned commission's paid → approved event
//       with the payout's voided_at as its time, which is how the two are matched; once those
//       commissions are paid again (or voided) the notice has nothing left to explain.

export interface PortalPayoutTiming {
  nextPayableAt: Date | null;
  nextPayableAmount: number;
  voidedPayoutDue: boolean;
}

export async function portalPayoutTiming(db: Db, partnerId: string): Promise<PortalPayoutTiming> {
  const [row] = await queryRows<{ next_at: Date | string | null; next_amount: string | number | null; voided_due: boolean }>(
    db,
    sql`with next as (
          select min(hold_until) as at from commissions where partner_id = ${partnerId} and status = 'pending'
        )
        select next.at as next_at,
               (select sum(amount) from commissions
                 where partner_id = ${partnerId} and status = 'pending' and hold_until = next.at) as next_amount,
               exists (
                 select 1 from payouts v
                   join commission_events e on e.created_at = v.voided_at and e.from_status = 'paid' and e.to_status = 'approved'
                   join commissions c on c.id = e.commission_id and c.partner_id = v.partner_id
                  where v.partner_id = ${partnerId} and v.status = 'void'
                    and c.status = 'approved' and c.payout_id is null
               ) as voided_due
          from next`,
  );
  return {
    nextPayableAt: row?.next_at ? new Date(row.next_at) : null,
    nextPayableAmount: Number(row?.next_amount ?? 0),
    voidedPayoutDue: Boolean(row?.voided_due),
  };
}
