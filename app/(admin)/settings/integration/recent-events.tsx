"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TrackingEventKind } from "@/lib/schemas/enums";
import type { RecentEventView } from "@/lib/schemas/tracking-events";
import { RECENT_EVENTS_LIMIT, type TrackingEventRow } from "./event-row";

/** Dispatched on window to refresh the list at once (e.g. right after a test ping). */
export const REFRESH_TRACKING_EVENTS = "affiliate:refresh-tracking-events";

const ENDPOINT = "/api/admin/tracking-events";
const POLL_MS = 5000;

const KINDS: Record<TrackingEventKind, { label: string; tone: Tone }> = {
  click: { label: "Click", tone: "blue" },
  sale: { label: "Sale", tone: "purple" },
  lead: { label: "Lead", tone: "gray" },
  refund: { label: "Refund", tone: "gray" },
  ping: { label: "Ping", tone: "gray" },
  stripe: { label: "Stripe", tone: "purple" },
};

const VIEWS: { view: RecentEventView; label: string; empty: string }[] = [
  { view: "all", label: "All", empty: "Nothing received yet. Once the snippet is on your store, clicks show up here within seconds." },
  { view: "server", label: "Server calls", empty: "No sales, leads, refunds or pings from your store's server yet." },
  { view: "errors", label: "Errors", empty: "No refused requests in the last 14 days." },
];

function statusTone(status: number): Tone {
  if (status >= 500) return "red";
  if (status >= 400) return "yellow";
  if (status >= 200 && status < 300) return "green";
  return "gray";
}

function subscribeVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

type Problem = "unreachable" | "signed-out" | null;

/**
 * The tracking log, rendered on the server first (all events) and then polled every few
 * seconds. Polling stops while the tab is hidden (no point loading a list nobody sees) and
 * catches up at once when it is shown again, or when another view is chosen.
 */
export function RecentEvents({ initialEvents, timeZone }: { initialEvents: TrackingEventRow[]; timeZone: string }) {
  const [view, setView] = useState<RecentEventView>("all");
  // null while another view's events are on their way (the old ones would be mislabelled).
  const [events, setEvents] = useState<TrackingEventRow[] | null>(initialEvents);
  const [problem, setProblem] = useState<Problem>(null);
  const visible = useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === "visible",
    () => true,
  );
  const wasHidden = useRef(false);
  const viewChanged = useRef(false);

  useEffect(() => {
    if (!visible) {
      wasHidden.current = true;
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let stopped = false;

    async function refresh() {
      clearTimeout(timer);
      controller?.abort();
      const current = (controller = new AbortController());
      try {
        const response = await fetch(`${ENDPOINT}?show=${view}`, { cache: "no-store", signal: current.signal });
        if (response.status === 401) {
          // The session ended: polling again would only fail again.
          setProblem("signed-out");
          return;
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { events: TrackingEventRow[] };
        if (stopped) return;
        setEvents(body.events);
        setProblem(null);
      } catch {
        if (current.signal.aborted || stopped) return;
        setProblem("unreachable");
      }
      if (!stopped) timer = setTimeout(refresh, POLL_MS);
    }

    const refreshNow = () => void refresh();
    window.addEventListener(REFRESH_TRACKING_EVENTS, refreshNow);
    if (wasHidden.current || viewChanged.current) {
      wasHidden.current = false;
      viewChanged.current = false;
      refreshNow();
    } else {
      timer = setTimeout(refresh, POLL_MS);
    }
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      window.removeEventListener(REFRESH_TRACKING_EVENTS, refreshNow);
    };
  }, [visible, view]);

  function choose(next: RecentEventView) {
    if (next === view) return;
    viewChanged.current = true;
    setEvents(null);
    setView(next);
  }

  // Seconds matter here: "did my test order just arrive?"
  const time = useMemo(() => new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "medium" }), [timeZone]);

  return (
    <Section
      title="Recent events"
      description={`The last ${RECENT_EVENTS_LIMIT} clicks and API calls the tracking received, and how it answered, newest first. Times are in ${timeZone}.`}
      actions={<LiveIndicator problem={problem} paused={!visible} />}
    >
      <div role="group" aria-label="Show" className="mb-4 inline-flex divide-x divide-zinc-300 rounded-md shadow-sm ring-1 ring-zinc-300">
        {VIEWS.map((v) => (
          <button
            key={v.view}
            type="button"
            aria-pressed={view === v.view}
            onClick={() => choose(v.view)}
            className={cn(
              "px-3 py-1.5 text-sm font-medium whitespace-nowrap first:rounded-l-md last:rounded-r-md",
              view === v.view ? "bg-brand-600 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50",
            )}
          >
            {v.label}
          </button>
        ))}
      </div>
      {events === null ? (
        <p className="text-sm text-zinc-500" role="status">
          Loading…
        </p>
      ) : events.length === 0 ? (
        <p className="text-sm text-zinc-500" data-testid="tracking-events-empty">
          {VIEWS.find((v) => v.view === view)!.empty}
        </p>
      ) : (
        <ul className="-my-3 divide-y divide-zinc-100" aria-label="Tracking events">
          {events.map((event) => (
            <EventRow key={event.id} event={event} time={time.format(new Date(event.createdAt))} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function EventRow({ event, time }: { event: TrackingEventRow; time: string }) {
  const kind = KINDS[event.kind] ?? { label: event.kind, tone: "gray" as const };
  const failed = event.status >= 400;
  // A click's message is the page it landed on; any other event has one only when it failed.
  const message = event.kind === "click" && !failed && event.message ? `Landed on ${event.message}` : event.message;
  return (
    <li data-testid="tracking-event" className="flex flex-col gap-1.5 py-3 sm:flex-row sm:items-start sm:gap-4">
      <time dateTime={event.createdAt} suppressHydrationWarning className="shrink-0 text-xs text-zinc-500 tabular-nums sm:w-44 sm:pt-1">
        {time}
      </time>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={kind.tone}>{kind.label}</Badge>
          <Badge tone={statusTone(event.status)}>
            <span className="sr-only">HTTP status </span>
            {event.status}
          </Badge>
          <span className="text-sm text-zinc-900">{event.outcome}</span>
          {event.reference && (
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs break-all text-zinc-700" title="Order id or referral code">
              {event.reference}
            </code>
          )}
        </div>
        {message && <p className={cn("text-xs break-words", failed ? "text-red-700" : "truncate text-zinc-500")}>{message}</p>}
      </div>
    </li>
  );
}

function LiveIndicator({ problem, paused }: { problem: Problem; paused: boolean }) {
  const [label, dot] =
    problem === "signed-out"
      ? ["Updates stopped: your session ended. Reload to sign in again.", "bg-amber-500"]
      : problem === "unreachable"
        ? ["Could not refresh. Retrying…", "bg-red-500"]
        : paused
          ? ["Paused while this tab is hidden", "bg-zinc-400"]
          : ["Live: updates every 5 seconds", "bg-emerald-500 animate-pulse"];
  return (
    <p className="flex items-center gap-2 text-xs text-zinc-500" data-testid="tracking-events-live">
      <span className={cn("h-2 w-2 shrink-0 rounded-full", dot)} aria-hidden />
      {label}
    </p>
  );
}
