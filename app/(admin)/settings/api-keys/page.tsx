import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { RowActions } from "@/components/data-table/row-actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { SCOPE_LABELS } from "@/lib/domain/api-key-scope";
import { formatDateTime } from "@/lib/format/dates";
import { listApiKeys } from "@/lib/services/api-keys";
import { getSettings } from "@/lib/services/settings";
import { revokeApiKeyAction } from "./actions";
import { CreateApiKeyForm } from "./create-api-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireAdminPage();
  const db = await getDb();
  const [keys, settings] = await Promise.all([listApiKeys(db), getSettings(db)]);
  const tz = settings.timezone;

  return (
    <div className="space-y-6">
      <Section
        title="Create a key"
        description="Your store's server sends one as “Authorization: Bearer …” to report sales, leads and refunds, and to use the REST API. Give each key only the scope it needs: a tracking key cannot read partners, change payout details, record payouts or create links. Keep full and tracking keys (sk_…) on the server; only a publishable key (pk_…) may go in a page."
      >
        <CreateApiKeyForm />
      </Section>

      <Section title="Keys" description="Revoking a key stops it at once; anything using it gets 401.">
        {keys.length === 0 ? (
          <p className="text-sm text-zinc-500">No keys yet. Create one above to connect your store.</p>
        ) : (
          <div className="relative -mx-5 overflow-x-auto sm:-mx-6">
            <table className="min-w-full text-sm" aria-label="API keys">
              <thead>
                <tr className="border-b border-zinc-200 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
                  <th className="px-5 py-2 sm:px-6">Name</th>
                  <th className="px-3 py-2">Scope</th>
                  <th className="px-3 py-2">Key</th>
                  <th className="px-3 py-2">Created</th>
                  <th className="px-3 py-2">Last used</th>
                  <th className="px-5 py-2 text-right sm:px-6">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {keys.map((key) => (
                  <tr key={key.id} data-testid="api-key-row">
                    <td className="px-5 py-3 font-medium text-zinc-900 sm:px-6" data-essential="identity">
                      {key.name}
                    </td>
                    <td className="px-3 py-3" data-testid="api-key-scope">
                      <Badge tone={key.scope === "full" ? "purple" : key.scope === "tracking" ? "blue" : "gray"}>{SCOPE_LABELS[key.scope].label}</Badge>
                    </td>
                    <td className="px-3 py-3">
                      <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs">{key.prefix}…</code>
                    </td>
                    <td className="px-3 py-3 text-zinc-600">{formatDateTime(key.createdAt, tz)}</td>
                    <td className="px-3 py-3 text-zinc-600">{key.lastUsedAt ? formatDateTime(key.lastUsedAt, tz) : "Never"}</td>
                    <td className="px-5 py-3 text-right sm:px-6" data-essential="status">
                      {key.revokedAt ? (
                        <Badge tone="red">Revoked</Badge>
                      ) : (
                        <RowActions
                          label={key.name}
                          primary={
                            <ConfirmAction
                              action={revokeApiKeyAction}
                              fields={{ id: key.id }}
                              trigger="Revoke"
                              title={`Revoke “${key.name}”?`}
                              description="Requests with this key will be refused immediately. This cannot be undone."
                              confirmLabel="Revoke key"
                            />
                          }
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
