import type { FormState } from "@/lib/schemas/form-state";
import { cn } from "./cn";

/** The result line under a form: success in green, failure in red, announced politely. */
export function FormMessage({ state, testId = "form-message" }: { state: FormState | undefined; testId?: string }) {
  if (!state?.message) return null;
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid={testId}
      className={cn("rounded-md px-3 py-2 text-sm", state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700")}
    >
      {state.message}
    </p>
  );
}
