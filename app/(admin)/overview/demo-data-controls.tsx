"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/schemas/form-state";
import { clearDemoDataAction, loadDemoDataAction } from "./demo-actions";

/**
 * "Load demo data" on an empty program, "Clear demo data" while the demo is loaded. The page
 * re-renders after either (one button gives way to the other), so the result line lives here,
 * above both. Seeding 90 days takes a while: the button says so while it runs.
 */
export function DemoDataControls({ empty, loaded }: { empty: boolean; loaded: boolean }) {
  const [message, setMessage] = useState<FormState>();
  const remember = (action: (previous: FormState, formData: FormData) => Promise<FormState>) => async (previous: FormState, formData: FormData) => {
    const state = await action(previous, formData);
    setMessage(state);
    return state;
  };
  const [load] = useState(() => remember(loadDemoDataAction));
  const [clear] = useState(() => remember(clearDemoDataAction));
  const loading = useFormAction(load);

  return (
    <div className="flex max-w-sm flex-col items-end gap-2">
      {empty && (
        <form method="post" onSubmit={loading.onSubmit} aria-label="Load demo data">
          <Button type="submit" variant="secondary" size="sm" disabled={loading.pending} aria-busy={loading.pending}>
            {loading.pending ? "Loading demo data… (about half a minute)" : "Load demo data"}
          </Button>
        </form>
      )}
      {loaded && (
        <ConfirmAction
          action={clear}
          trigger="Clear demo data"
          title="Clear the demo program?"
          description="Removes the demo partners with all their clicks, orders, commissions and payouts, and the demo products, and puts back the settings the demo changed. Your API keys, team and the settings you changed since stay. If partners, orders or leads of your own were added since, nothing is removed."
          confirmLabel="Clear demo data"
        />
      )}
      <FormMessage state={message} testId="demo-data-message" />
    </div>
  );
}
