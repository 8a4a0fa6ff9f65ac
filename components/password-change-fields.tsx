import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * The three fields of a password change (current, new, new again), the same for an admin and a
 * partner: the services check them with one schema and name errors by these ids.
 */
export function PasswordChangeFields({ errors, className }: { errors: Partial<Record<string, string>>; className: string }) {
  return (
    <div className={className}>
      <Field id="current" label="Current password" error={errors.current}>
        {(p) => <Input {...p} type="password" autoComplete="current-password" />}
      </Field>
      <Field id="password" label="New password" error={errors.password} hint="At least 10 characters.">
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirm" label="Repeat new password" error={errors.confirm}>
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
    </div>
  );
}
