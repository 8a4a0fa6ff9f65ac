import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatDateTime } from "@/lib/format/dates";
import { actorLabel, describeAction, listAuditLog } from "@/lib/services/audit-log";
import { getSettings } from "@/lib/services/settings";

export const metadata: Metadata = { title: "Activity" };

const PAGE_SIZE = 50;

function summary(details: Record<string, unknown>): string {
  const { actor: _actor, changes, ...rest } = details as { actor?: string; changes?: Record<string, { from: unknown; to: unknown }> };
  if (changes) return Object.entries(changes).map(([k, v]) => `${k}: ${JSON.stringify(v.from)} → ${JSON.stringify(v.to)}`).join("; ");
  return Object.entries(rest).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join("; ");
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireAdminPage();
  const { before } = await searchParams;
  const cursor = before && /^\d+$/.test(before) ? Number(before) : undefined;
  const db = await getDb();
  const [entries, settings] = await Promise.all([listAuditLog(db, { limit: PAGE_SIZE + 1, before: cursor }), getSettings(db)]);
  const page = entries.slice(0, PAGE_SIZE);
  const older = entries.length > PAGE_SIZE ? page.at(-1)?.id : undefined;

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
          {page.map((e) => (
            <li key={e.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:gap-4">
              <time className="w-44 shrink-0 text-xs text-zinc-500" dateTime={e.createdAt.toISOString()}>
                {formatDateTime(e.createdAt, settings.timezone)}
              </time>
              <div className="min-w-0 text-sm">
                <span className="font-medium text-zinc-900">{describeAction(e.action)}</span>
                <span className="text-zinc-500"> by {actorLabel(e)}</span>
                {summary(e.details) && <p className="truncate text-xs text-zinc-500">{summary(e.details)}</p>}
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
