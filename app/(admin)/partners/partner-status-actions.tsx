"use client";

import { RowActions } from "@/components/data-table/row-actions";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useFormAction } from "@/components/ui/use-form-action";
import type { PartnerStatus } from "@/lib/schemas/enums";
import { statusActionsFor, type PartnerStatusAction } from "@/lib/schemas/partners";
import { partnerStatusAction } from "./actions";

interface Subject {
  id: string;
  name: string;
  status: PartnerStatus;
  couponCount: number;
}

const LABELS: Record<PartnerStatusAction, string> = { approve: "Approve", reject: "Reject", suspend: "Suspend", reinstate: "Reinstate" };

/** A button that acts at once (approve, reinstate): nothing is lost, so no confirmation. */
function DirectAction({ partner, action, size }: { partner: Subject; action: PartnerStatusAction; size: "sm" | "md" }) {
  const { state, pending, onSubmit } = useFormAction(partnerStatusAction);
  return (
    <form method="post" onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={partner.id} />
      <input type="hidden" name="action" value={action} />
      <Button type="submit" variant={size === "sm" ? "secondary" : "primary"} size={size} disabled={pending} aria-label={`${LABELS[action]} ${partner.name}`}>
        {pending ? "Working…" : LABELS[action]}
      </Button>
      {state.ok === false && state.message && (
        <span role="status" className="text-xs text-red-600">
          {state.message}
        </span>
      )}
    </form>
  );
}

function couponNote(count: number): string {
  if (!count) return "";
  return count === 1
    ? " Their coupon code stays assigned to them but stops crediting sales."
    : ` Their ${count} coupon codes stay assigned to them but stop crediting sales.`;
}

/** Reject or suspend, after asking: as a button, or as an item of a row's "More" menu. */
function ConfirmedAction({ partner, action, size, asMenuItem = false }: { partner: Subject; action: "reject" | "suspend"; size: "sm" | "md"; asMenuItem?: boolean }) {
  return (
    <ConfirmAction
      action={partnerStatusAction}
      fields={{ id: partner.id, action }}
      trigger={LABELS[action]}
      size={size}
      asMenuItem={asMenuItem}
      title={action === "reject" ? `Reject ${partner.name}?` : `Suspend ${partner.name}?`}
      description={
        action === "reject"
          ? `They will not join the program and cannot earn commissions.${couponNote(partner.couponCount)} You can still approve them later.`
          : `Their referral link and custom links stop counting clicks and crediting sales, and they earn nothing new.${couponNote(partner.couponCount)} Commissions already earned are kept. You can reinstate them at any time.`
      }
      confirmLabel={action === "reject" ? "Reject partner" : "Suspend partner"}
    />
  );
}

const isDirect = (action: PartnerStatusAction): action is "approve" | "reinstate" => action === "approve" || action === "reinstate";

/** The status changes that fit the partner's status; reject and suspend ask first. */
export function PartnerStatusActions({ partner, size = "sm" }: { partner: Subject; size?: "sm" | "md" }) {
  return (
    <div className="flex items-center gap-2 whitespace-nowrap">
      {statusActionsFor(partner.status).map((action) =>
        isDirect(action) ? <DirectAction key={action} partner={partner} action={action} size={size} /> : <ConfirmedAction key={action} partner={partner} action={action} size={size} />,
      )}
    </div>
  );
}

/** The same in a list row: approve or reinstate as the button, reject and suspend in "More". */
export function PartnerRowActions({ partner }: { partner: Subject }) {
  const actions = statusActionsFor(partner.status);
  const direct = actions.find(isDirect);
  const asking = actions.filter((a): a is "reject" | "suspend" => !isDirect(a));
  return (
    <RowActions label={partner.name} primary={direct && <DirectAction partner={partner} action={direct} size="sm" />}>
      {asking.length > 0 && asking.map((action) => <ConfirmedAction key={action} partner={partner} action={action} size="sm" asMenuItem />)}
    </RowActions>
  );
}
