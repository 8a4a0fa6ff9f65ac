import { cn } from "./cn";

/**
 * A labelled form control with an optional hint and error. The control is passed as a
 * render function so it receives the id and aria attributes that tie it to the label.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: (props: { id: string; name: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children({ id, name: id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox styled as a switch, with its label and description beside it. */
export function SwitchField({
  id,
  label,
  description,
  defaultChecked,
  error,
}: {
  id: string;
  label: string;
  description?: React.ReactNode;
  defaultChecked?: boolean;
  error?: string;
}) {
  return (
    <div className="flex items-start justify-between gap-6 py-1">
      <div>
        <label htmlFor={id} className="text-sm font-medium text-zinc-800">
          {label}
        </label>
        {description && <p className="text-xs text-zinc-500">{description}</p>}
        {error && <p className="text-xs font-medium text-red-600">{error}</p>}
      </div>
      <input
        id={id}
        name={id}
        type="checkbox"
        role="switch"
        defaultChecked={defaultChecked}
        className="relative mt-0.5 h-6 w-11 shrink-0 cursor-pointer appearance-none rounded-full bg-zinc-300 transition-colors before:absolute before:top-0.5 before:left-0.5 before:h-5 before:w-5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-brand-600 checked:before:translate-x-5"
      />
    </div>
  );
}
