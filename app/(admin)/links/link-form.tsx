"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { TypeAhead, type TypeAheadOption } from "@/components/ui/type-ahead";
import { useFormAction } from "@/components/ui/use-form-action";
import { bpsToPercentString, toDecimalString } from "@/lib/domain/money";
import type { CommissionType } from "@/lib/schemas/enums";
import type { RateChoice } from "@/lib/schemas/links";
import { createLinkAction, updateLinkAction } from "./actions";

export interface EditableLink {
  id: string;
  slug: string;
  destinationUrl: string;
  commissionType: CommissionType | null;
  commissionRate: number | null;
}

/** New link (partner, destination, optional slug and rate) or Edit link (destination and rate). */
export function LinkForm({ link, currency, linkBase, onDone }: { link?: EditableLink; currency: string; linkBase: string; onDone: () => void }) {
  const { state, pending, onSubmit, errors } = useFormAction(link ? updateLinkAction : createLinkAction);
  const [partner, setPartner] = useState<TypeAheadOption[]>([]);
  const [rateType, setRateType] = useState<RateChoice>(link?.commissionType ?? "");
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);

  const rate =
    link?.commissionType === "percentage" && link.commissionRate !== null
      ? bpsToPercentString(link.commissionRate)
      : link?.commissionType === "fixed" && link.commissionRate !== null
        ? toDecimalString(link.commissionRate, currency)
        : "";

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-label={link ? "Edit link" : "New link"}>
      {link ? (
        <input type="hidden" name="id" value={link.id} />
      ) : (
        <TypeAhead
          id="partnerId"
          name="partnerId"
          label="Partner"
          searchUrl="/api/admin/partners/search"
          placeholder="Search by name, email or code"
          selected={partner}
          onChange={setPartner}
          error={errors.partnerId}
          hint="Any partner, approved or not; clicks count once they are approved."
        />
      )}
      <Field id="destinationUrl" label="Destination URL" error={errors.destinationUrl} hint="The page on your store the link leads to, e.g. one product.">
        {(p) => <Input {...p} type="url" inputMode="url" placeholder="https://yourstore.com/products/trail-runner" defaultValue={link?.destinationUrl} />}
      </Field>
      {link ? (
        <p className="text-sm text-zinc-600">
          Link: <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs">{linkBase + link.slug}</code> (the slug stays, since the link is already shared)
        </p>
      ) : (
        <Field id="slug" label="Slug (optional)" error={errors.slug} hint={`${linkBase}<slug>. Leave empty to generate one; letters, digits, - and _.`}>
          {(p) => <Input {...p} placeholder="spring-sale" autoCapitalize="off" spellCheck={false} />}
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="rateType" label="Commission" hint="A link's own rate wins over every other rate for sales through it.">
          {(p) => (
            <Select {...p} value={rateType} onChange={(e) => setRateType(e.target.value as RateChoice)}>
              <option value="">Partner&apos;s rate</option>
              <option value="percentage">Percentage of the sale</option>
              <option value="fixed">Fixed amount per sale</option>
            </Select>
          )}
        </Field>
        {rateType && (
          <Field id="rate" label={rateType === "percentage" ? "Rate (%)" : `Amount (${currency})`} error={errors.rate}>
            {(p) => <Input {...p} inputMode="decimal" placeholder={rateType === "percentage" ? "12.5" : "5.00"} defaultValue={rate} />}
          </Field>
        )}
      </div>
      <FormMessage state={state.ok ? undefined : state} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : link ? "Save link" : "Create link"}
        </Button>
      </div>
    </form>
  );
}
