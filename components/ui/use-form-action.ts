"use client";

import { startTransition, useActionState } from "react";
import type { FormState } from "@/lib/schemas/form-state";

/**
 * Runs a server action from a form without React's automatic form reset, so what the user
 * typed stays in place when the server answers with field errors.
 */
export function useFormAction(action: (previous: FormState, formData: FormData) => Promise<FormState>, initial: FormState = {}) {
  const [state, dispatch, pending] = useActionState(action, initial);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }
  return { state, pending, onSubmit, errors: state.fieldErrors ?? {} };
}
