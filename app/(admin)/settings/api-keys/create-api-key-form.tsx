"use client";

import { KeyRound } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { SCOPE_LABELS } from "@/lib/domain/api-key-scope";
import { API_KEY_SCOPES } from "@/lib/schemas/enums";
import { createApiKeyAction } from "./actions";

export function CreateApiKeyForm() {
  const { state, pending, onSubmit, errors } = useFormAction(createApiKeyAction);
  const form = useRef<HTMLFormElement>(null);
  const secret = state.ok ? state.values?.secret : undefined;
  const createdScope = API_KEY_SCOPES.find((scope) => scope === state.values?.scope);

  return (
    <div className="space-y-4">
      <form
        method="post"
        ref={form}
        onSubmit={(e) => {
          onSubmit(e);
          e.currentTarget.reset();
        }}
        className="space-y-4"
        noValidate
      >
        <Field id="name" label="Key name" error={errors.name} className="w-full max-w-xs">
          {(p) => <Input {...p} placeholder="Production store" />}
        </Field>
        <fieldset aria-describedby={errors.scope ? "scope-error" : undefined}>
          <legend className="text-sm font-medium text-zinc-800">Scope</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex cursor-pointer items-start gap-2 rounded-lg p-3 ring-1 ring-zinc-200 has-checked:bg-brand-50 has-checked:ring-brand-500">
                <input type="radio" name="scope" value={scope} defaultChecked={scope === "full"} className="mt-0.5 accent-brand-600" />
                <span>
                  <span className="block text-sm font-medium text-zinc-900">{SCOPE_LABELS[scope].label}</span>
                  <span className="block text-xs text-zinc-500">{SCOPE_LABELS[scope].description}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.scope && (
            <p id="scope-error" className="mt-1 text-xs font-medium text-red-600" data-testid="error-scope">
              {errors.scope}
            </p>
          )}
        </fieldset>
        <Button type="submit" disabled={pending}>
          <KeyRound className="h-4 w-4" aria-hidden />
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {secret ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="new-api-key">
          <p className="text-sm font-medium text-amber-900">
            Copy this key now. It will not be shown again.{createdScope && ` Scope: ${SCOPE_LABELS[createdScope].label.toLowerCase()}.`}
          </p>
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
