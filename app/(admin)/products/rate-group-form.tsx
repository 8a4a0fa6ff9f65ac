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
import { saveRateGroupAction } from "./actions";

export interface EditableRateGroup {
  id: string;
  name: string;
  commissionType: CommissionType;
  commissionRate: number;
  products: { id: string; name: string }[];
  categories: { id: string; name: string }[];
}

const options = (items: { id: string; name: string }[]): TypeAheadOption[] => items.map((i) => ({ value: i.id, label: i.name, detail: i.id !== i.name ? i.id : undefined }));

/** Add or edit a rate group: a name, a rate, and the products and/or categories it covers. */
export function RateGroupForm({ group, currency, onDone }: { group?: EditableRateGroup; currency: string; onDone: () => void }) {
  const { state, pending, onSubmit, errors } = useFormAction(saveRateGroupAction);
  const [type, setType] = useState<CommissionType>(group?.commissionType ?? "percentage");
  const [products, setProducts] = useState(() => options(group?.products ?? []));
  const [categories, setCategories] = useState(() => options(group?.categories ?? []));
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);

  const rate = group ? (group.commissionType === "percentage" ? bpsToPercentString(group.commissionRate) : toDecimalString(group.commissionRate, currency)) : "";

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-label={group ? "Edit rate group" : "Add rate group"}>
      {group && <input type="hidden" name="id" value={group.id} />}
      <Field id="name" label="Group name" error={errors.name}>
        {(p) => <Input {...p} defaultValue={group?.name} placeholder="Summer footwear" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="commissionType" label="Rate type" error={errors.commissionType}>
          {(p) => (
            <Select {...p} value={type} onChange={(e) => setType(e.target.value as CommissionType)}>
              <option value="percentage">Percentage of the line</option>
              <option value="fixed">Fixed amount per unit</option>
            </Select>
          )}
        </Field>
        <Field id="rate" label={type === "percentage" ? "Rate (%)" : `Amount per unit (${currency})`} error={errors.rate}>
          {(p) => <Input {...p} inputMode="decimal" placeholder={type === "percentage" ? "15" : "2.50"} defaultValue={group?.commissionType === type ? rate : ""} key={type} />}
        </Field>
      </div>
      <TypeAhead
        id="productIds"
        name="productIds"
        label="Products"
        multiple
        searchUrl="/api/admin/products/options?kind=products"
        placeholder="Search by name or id"
        selected={products}
        onChange={setProducts}
        error={errors.productIds}
        hint="A product's own group wins over its category's."
      />
      <TypeAhead
        id="categoryIds"
        name="categoryIds"
        label="Categories"
        multiple
        searchUrl="/api/admin/products/options?kind=categories"
        placeholder="Search by name or id"
        selected={categories}
        onChange={setCategories}
        error={errors.categoryIds}
      />
      <FormMessage state={state.ok ? undefined : state} />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save rate group"}
        </Button>
      </div>
    </form>
  );
}
