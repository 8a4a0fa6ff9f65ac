"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createPortalLinkAction } from "./actions";

/** Paste a page of the store, optionally choose a slug, get a link that credits you. */
export function LinkGenerator({ token, storeUrl, linkBase }: { token: string; storeUrl: string; linkBase: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(createPortalLinkAction.bind(null, token));
  const created = state.ok ? state.values?.url : undefined;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Create a link" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field id="destination" label="Page on the store" error={errors.destination} hint={`Any page on ${new URL(storeUrl).host}, e.g. ${storeUrl.replace(/\/$/, "")}/products/…`}>
          {(p) => <Input {...p} type="url" inputMode="url" placeholder={`${storeUrl.replace(/\/$/, "")}/products/…`} defaultValue={state.ok ? "" : state.values?.destination} />}
        </Field>
        <Field id="slug" label="Slug (optional)" error={errors.slug} hint={`${linkBase}<slug>; empty for a random one.`}>
          {(p) => <Input {...p} placeholder="summer-boots" autoCapitalize="off" spellCheck={false} defaultValue={state.ok ? "" : state.values?.slug} />}
        </Field>
      </div>
      {errors.productId && <p className="text-sm text-red-600">{errors.productId}</p>}
      <FormMessage state={state.ok ? undefined : state} />
      {created && (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" role="status" data-testid="created-link">
          <span>Your link:</span>
          <code className="font-medium">{created}</code>
          <CopyButton value={created} label="Copy link" />
        </div>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create link"}
        </Button>
      </div>
    </form>
  );
}
