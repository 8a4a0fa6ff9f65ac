"use client";

import { KeyRound } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createApiKeyAction } from "./actions";

export function CreateApiKeyForm() {
  const { state, pending, onSubmit, errors } = useFormAction(createApiKeyAction);
  const form = useRef<HTMLFormElement>(null);
  const secret = state.ok ? state.values?.secret : undefined;

  return (
    <div className="space-y-4">
      <form
        ref={form}
        onSubmit={(e) => {
          onSubmit(e);
          e.currentTarget.reset();
        }}
        className="flex flex-wrap items-end gap-3"
        noValidate
      >
        <Field id="name" label="Key name" error={errors.name} className="w-full max-w-xs">
          {(p) => <Input {...p} placeholder="Production store" />}
        </Field>
        <Button type="submit" disabled={pending}>
          <KeyRound className="h-4 w-4" aria-hidden />
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {secret ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="new-api-key">
          <p className="text-sm font-medium text-amber-900">Copy this key now. It will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="rounded bg-white px-2 py-1 text-sm break-all ring-1 ring-amber-200" data-testid="new-api-key-secret">
              {secret}
            </code>
            <CopyButton value={secret} label="Copy key" />
          </div>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
    </div>
  );
}
