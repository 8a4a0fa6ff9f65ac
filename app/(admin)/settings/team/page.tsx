import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { RowActions } from "@/components/data-table/row-actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatDateTime } from "@/lib/format/dates";
import { listAdmins } from "@/lib/services/admin-users";
import { getSettings } from "@/lib/services/settings";
import { removeAdminAction } from "./actions";
import { AddAdminForm, ChangePasswordForm } from "./team-forms";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const me = await requireAdminPage();
  const db = await getDb();
  const [admins, settings] = await Promise.all([listAdmins(db), getSettings(db)]);

  return (
    <div className="space-y-6">
      <Section title="Admins" description="Everyone here can manage the whole program.">
        <ul className="divide-y divide-zinc-100">
          {admins.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="admin-row">
              <div className="min-w-0">
                <p className="text-sm font-medium text-zinc-900">
                  {a.name ?? a.email} {a.id === me.id && <Badge tone="purple">You</Badge>}
                </p>
                <p className="text-xs break-all text-zinc-500">
                  {a.email} · last sign-in {a.lastSignInAt ? formatDateTime(a.lastSignInAt, settings.timezone) : "never"}
                </p>
              </div>
              {a.id !== me.id && admins.length > 1 && (
                <RowActions
                  label={a.email}
                  primary={
                    <ConfirmAction
                      action={removeAdminAction}
                      fields={{ id: a.id }}
                      trigger="Remove"
                      title={`Remove ${a.email}?`}
                      description="They will no longer be able to sign in. Their past actions stay in the activity log."
                      confirmLabel="Remove admin"
                    />
                  }
                />
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Add an admin" description="Share the password with them privately; they can change it after signing in.">
        <AddAdminForm />
      </Section>
      <Section title="Your password">
        <ChangePasswordForm />
      </Section>
    </div>
  );
}
