"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createFirstAdminAction } from "./actions";

export function FirstAdminForm() {
  const router = useRouter();
  // useFormAction, not <form action>: React's reset would clear the password read below.
  const { state, pending, onSubmit, errors } = useFormAction(createFirstAdminAction);
  const password = useRef<HTMLInputElement>(null);

  // Once the account exists, sign straight in with what was just typed.
  useEffect(() => {
    if (!state.ok || !state.values?.email) return;
    void signIn("credentials", { email: state.values.email, password: password.current?.value ?? "", redirect: false }).then((result) => {
      router.replace(result && !result.error ? "/overview" : "/login");
      router.refresh();
    });
  }, [state, router]);

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="name" label="Your name" error={errors.name}>
        {(p) => <Input {...p} autoComplete="name" defaultValue={state.values?.name} />}
      </Field>
      <Field id="email" label="Email" error={errors.email}>
        {(p) => <Input {...p} type="email" autoComplete="username" required defaultValue={state.values?.email} />}
      </Field>
      <Field id="password" label="Password" error={errors.password} hint="At least 10 characters.">
        {(p) => <Input {...p} ref={password} type="password" autoComplete="new-password" required />}
      </Field>
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending || state.ok}>
        {pending ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
