"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { TypeAhead, type TypeAheadOption } from "@/components/ui/type-ahead";
import { useFormAction } from "@/components/ui/use-form-action";
import { toDecimalString } from "@/lib/domain/money";
import { saveProductAction } from "./actions";

export interface EditableProduct {
  id: string;
  name: string;
  url: string | null;
  price: number | null;
  imageUrl: string | null;
  categories: { id: string; name: string }[];
}

const newCategory = (text: string): TypeAheadOption => ({ value: text, label: text });

/** Add product (the store's id, name, price…) or Edit product (everything but the id). */
export function ProductForm({ product, currency, onDone }: { product?: EditableProduct; currency: string; onDone: () => void }) {
  const { state, pending, onSubmit, errors } = useFormAction(saveProductAction);
  const [categories, setCategories] = useState<TypeAheadOption[]>(() => (product?.categories ?? []).map((c) => ({ value: c.id, label: c.name })));
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-label={product ? "Edit product" : "Add product"}>
      {product && <input type="hidden" name="existingId" value={product.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="id" label="Product ID" error={errors.id} hint={product ? "The store's id; it cannot change." : "The id your store uses, e.g. its SKU."}>
          {(p) => <Input {...p} defaultValue={product?.id} disabled={!!product} autoCapitalize="off" spellCheck={false} />}
        </Field>
        <Field id="name" label="Name" error={errors.name}>
          {(p) => <Input {...p} defaultValue={product?.name} />}
        </Field>
        <Field id="price" label={`Price (${currency})`} error={errors.price} hint="Optional, e.g. 19.99.">
          {(p) => <Input {...p} inputMode="decimal" placeholder="19.99" defaultValue={product?.price != null ? toDecimalString(product.price, currency) : ""} />}
        </Field>
        <Field id="url" label="Product URL" error={errors.url} hint="Optional.">
          {(p) => <Input {...p} type="url" inputMode="url" placeholder="https://yourstore.com/products/…" defaultValue={product?.url ?? ""} />}
        </Field>
      </div>
      <Field id="imageUrl" label="Image URL" error={errors.imageUrl} hint="Optional; shown as a thumbnail in the catalog.">
        {(p) => <Input {...p} type="url" inputMode="url" placeholder="https://cdn.yourstore.com/…jpg" defaultValue={product?.imageUrl ?? ""} />}
      </Field>
      <TypeAhead
        id="categoryIds"
        name="categoryIds"
        label="Categories"
        multiple
        searchUrl="/api/admin/products/options?kind=categories"
        placeholder="Search or add a category"
        selected={categories}
        onChange={setCategories}
        createOption={newCategory}
        error={errors.categoryIds}
        hint="Rate groups can apply to whole categories."
      />
      <FormMessage state={state.ok ? undefined : state} />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : product ? "Save product" : "Add product"}
        </Button>
      </div>
    </form>
  );
}
