"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createPortalLinkAction } from "./actions";

/** "Get link" on a catalog row: a custom link straight to that product's page. */
export function ProductLinkButton({ token, productId, productName }: { token: string; productId: string; productName: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(createPortalLinkAction.bind(null, token));
  const created = state.ok ? state.values?.url : undefined;
  if (created) {
    return (
      <span className="inline-flex items-center gap-2">
        <code className="text-xs text-zinc-800">{created}</code>
        <CopyButton value={created} label="Copy link" />
      </span>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="productId" value={productId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`Get a link to ${productName}`}>
        {pending ? "…" : "Get link"}
      </Button>
      {!state.ok && (errors.productId || state.message) && <span className="text-xs text-red-600">{errors.productId ?? state.message}</span>}
    </form>
  );
}
