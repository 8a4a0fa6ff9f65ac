import Link from "next/link";
import type { ActivityView, Part } from "@/lib/format/activity";

// The contents of one activity entry (lib/format/activity.ts): what happened to what, and its
// fields with names linked to their pages. Layout (rows, columns) is the page's.

const link = "font-medium text-brand-700 hover:underline";

function Parts({ parts }: { parts: Part[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.href ? (
          <Link key={i} href={p.href} className={link}>
            {p.text}
          </Link>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** "Payout recorded: $52.80 to Ada" */
export function ActivityTitle({ view }: { view: ActivityView }) {
  return (
    <span data-testid="activity-title">
      <span className="font-medium text-zinc-900">{view.title}</span>
      {view.subject && (
        <>
          <span className="text-zinc-500">: </span>
          <Parts parts={[view.subject]} />
        </>
      )}
    </span>
  );
}

/** "Amount $52.80 · Method Stripe · Partner Ada" */
export function ActivityFields({ view }: { view: ActivityView }) {
  if (!view.fields.length) return null;
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-600" data-testid="activity-fields">
      {view.fields.map((f) => (
        <div key={f.key} className="flex min-w-0 gap-1">
          <dt className="text-zinc-500">{f.label}</dt>
          <dd className="min-w-0 break-words text-zinc-800">
            <Parts parts={f.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
