"use client";

import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { clearDemoDataAction, loadDemoDataAction } from "./demo-actions";

/** "Load demo data" on an empty program; seeding 90 days takes a while, so the button says so. */
export function LoadDemoDataButton() {
  const { state, pending, onSubmit } = useFormAction(loadDemoDataAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Load demo data">
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-busy={pending}>
        {pending ? "Loading demo data… (about half a minute)" : "Load demo data"}
      </Button>
      <FormMessage state={state} testId="demo-data-message" />
    </form>
  );
}

export function ClearDemoDataButton() {
  return (
    <ConfirmAction
      action={clearDemoDataAction}
      trigger="Clear demo data"
      title="Clear the demo program?"
      description="Removes the demo partners with all their clicks, orders, commissions and payouts, and the demo products; puts back the settings the demo changed. Your API keys, team and any settings you changed stay. If you added partners or sales of your own since, nothing is removed."
      confirmLabel="Clear demo data"
    />
  );
}
