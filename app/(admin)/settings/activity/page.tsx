import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { activityRefs, formatActivity } from "@/lib/format/activity";
import { formatDateTime } from "@/lib/format/dates";
import { actorLabel, listAuditLog } from "@/lib/services/audit-log";
import { resolveAuditNames } from "@/lib/services/audit-names";
import { getSettings } from "@/lib/services/settings";
import { ActivityFields, ActivityTitle } from "./activity-cells";

export const metadata: Metadata = { title: "Activity" };

const PAGE_SIZE = 50;

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireAdminPage();
  const { before } = await searchParams;
  const cursor = before && /^\d+$/.test(before) ? Number(before) : undefined;
  const db = await getDb();
  const [entries, settings] = await Promise.all([listAuditLog(db, { limit: PAGE_SIZE + 1, before: cursor }), getSettings(db)]);
  const page = entries.slice(0, PAGE_SIZE);
  const older = entries.length > PAGE_SIZE ? page.at(-1)?.id : undefined;
  // Names of everything the page mentions, one query per kind (partners, payouts, links…).
  const names = await resolveAuditNames(db, activityRefs(page));
  const context = { currency: settings.currency, names, defaultCommissionType: settings.defaultCommissionType };

  return (
    <Section
      title="Activity"
      description="Every change made in the console, the API or the command line: who, when and what."
      actions={
        <a href="/api/admin/audit-log" className={buttonClasses("secondary", "sm")} download>
          <Download className="h-4 w-4" aria-hidden /> Export CSV
        </a>
      }
    >
      {page.length === 0 ? (
        <p className="text-sm text-zinc-500">Nothing has happened yet.</p>
      ) : (
        <ol className="divide-y divide-zinc-100">
          {page.map((e) => ({ e, view: formatActivity(e, context) })).map(({ e, view }) => (
            <li key={e.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:gap-4">
              <time className="w-44 shrink-0 text-xs text-zinc-500" dateTime={e.createdAt.toISOString()}>
                {formatDateTime(e.createdAt, settings.timezone)}
              </time>
              <div className="min-w-0 text-sm">
                <ActivityTitle view={view} />
                <span className="text-zinc-500"> by {actorLabel(e)}</span>
                <ActivityFields view={view} />
              </div>
            </li>
          ))}
        </ol>
      )}
      {(older || cursor) && (
        <div className="mt-4 flex gap-3 text-sm">
          {cursor && (
            <Link href="/settings/activity" className="font-medium text-brand-700 hover:underline">
              Newest
            </Link>
          )}
          {older && (
            <Link href={`/settings/activity?before=${older}`} className="font-medium text-brand-700 hover:underline">
              Older entries
            </Link>
          )}
        </div>
      )}
    </Section>
  );
}
