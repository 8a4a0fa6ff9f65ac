"use client";

import { Pencil, Plus } from "lucide-react";
import { Section } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DialogButton } from "@/components/ui/dialog-button";
import { deleteRateGroupAction } from "./actions";
import { RateGroupForm, type EditableRateGroup } from "./rate-group-form";

export interface RateGroupCard extends EditableRateGroup {
  rate: string;
}

const SHOWN = 12;

function Members({ label, items }: { label: string; items: { id: string; name: string }[] }) {
  if (!items.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <span className="mr-1 text-xs font-medium text-zinc-500">{label}</span>
      {items.slice(0, SHOWN).map((i) => (
        <span key={i.id} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700" title={i.id}>
          {i.name}
        </span>
      ))}
      {items.length > SHOWN && <span className="text-xs text-zinc-500">and {items.length - SHOWN} more</span>}
    </div>
  );
}

/** Custom rates by product or category, FluentAffiliate-style: one card per group. */
export function RateGroups({ groups, currency }: { groups: RateGroupCard[]; currency: string }) {
  return (
    <Section
      title="Rate groups"
      description="Products and categories that earn their own rate on each order line. A product's own group wins over its category's; a custom link's rate wins over both. Changes apply to the next sale."
      actions={
        <DialogButton label="Add rate group" icon={<Plus className="h-4 w-4" aria-hidden />} title="Add rate group" wide>
          {(close) => <RateGroupForm currency={currency} onDone={close} />}
        </DialogButton>
      }
    >
      {groups.length === 0 ? (
        <p className="text-sm text-zinc-500">No rate groups yet. Every product earns the partner&apos;s rate (or the program default).</p>
      ) : (
        <ul className="divide-y divide-zinc-100" aria-label="Rate groups">
          {groups.map((g) => (
            <li key={g.id} className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between" data-testid="rate-group">
              <div className="min-w-0 space-y-2">
                <p className="text-sm">
                  <span className="font-medium text-zinc-900">{g.name}</span>
                  <span className="ml-2 font-medium text-brand-700" data-numeric>
                    {g.rate}
                  </span>
                  <span className="ml-2 text-xs text-zinc-500">
                    {g.products.length} {g.products.length === 1 ? "product" : "products"}, {g.categories.length} {g.categories.length === 1 ? "category" : "categories"}
                  </span>
                </p>
                <Members label="Products" items={g.products} />
                <Members label="Categories" items={g.categories} />
              </div>
              <div className="flex shrink-0 gap-2">
                <DialogButton label="Edit" triggerLabel={`Edit ${g.name}`} icon={<Pencil className="h-3.5 w-3.5" aria-hidden />} variant="secondary" size="sm" title={`Edit “${g.name}”`} wide>
                  {(close) => <RateGroupForm group={g} currency={currency} onDone={close} />}
                </DialogButton>
                <ConfirmAction
                  action={deleteRateGroupAction}
                  fields={{ id: g.id }}
                  trigger="Remove"
                  title={`Remove “${g.name}”?`}
                  description="Its products and categories go back to the partner's rate (or the program default) from the next sale. Commissions already earned do not change."
                  confirmLabel="Remove group"
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
