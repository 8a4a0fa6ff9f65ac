"use client";

import { PlugZap } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { REFRESH_TRACKING_EVENTS } from "./recent-events";

type Result = { ok: boolean; message: string } | null;

/** What a /api/track/ping answer means, in the merchant's words. */
async function describePing(response: Response): Promise<{ ok: boolean; message: string }> {
  const body = (await response.json().catch(() => null)) as { program?: { name?: string }; error?: { message?: string } } | null;
  switch (response.status) {
    case 200:
      return { ok: true, message: `Connected to ${body?.program?.name ?? "your program"}.` };
    case 401:
      return { ok: false, message: "That key is not valid or has been revoked." };
    case 403:
      return { ok: false, message: "That key's scope does not cover tracking: a publishable key (pk_…) only reports browser conversions. Use a full or tracking key." };
    case 503:
      return { ok: false, message: "Tracking is switched off, so the API refuses everything. Turn it on in Settings → Program, then test again." };
    case 429:
      return { ok: false, message: "Too many attempts in a short time. Wait a minute, then test again." };
    default:
      return { ok: false, message: `Unexpected answer (HTTP ${response.status})${body?.error?.message ? `: ${body.error.message}` : "."}` };
  }
}

/**
 * "Test connection": the browser calls this app's own /api/track/ping with the pasted key,
 * exactly as the store's server would. The key lives in this input only: it is not sent
 * anywhere else, not kept in state after the call, and not stored.
 */
export function TestConnectionForm() {
  const [result, setResult] = useState<Result>(null);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const key = String(new FormData(event.currentTarget).get("secretKey") ?? "").trim();
    if (!key) {
      setResult({ ok: false, message: "Paste a secret key first." });
      return;
    }
    // A slower earlier attempt must not overwrite the answer to the latest one.
    const attempt = ++latest.current;
    setPending(true);
    let next: Result;
    try {
      const response = await fetch("/api/track/ping", {
        headers: { Authorization: `Bearer ${key}` },
        cache: "no-store",
        credentials: "omit",
      });
      next = await describePing(response);
    } catch {
      next = { ok: false, message: "Could not reach the server. Check your network connection and try again." };
    }
    if (attempt !== latest.current) return;
    setResult(next);
    setPending(false);
    // The ping is logged: show it in Recent events without waiting for the next poll.
    window.dispatchEvent(new Event(REFRESH_TRACKING_EVENTS));
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-3" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <Field id="secretKey" label="Secret key" className="w-full max-w-md">
          {(p) => (
            <Input
              {...p}
              type="password"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              placeholder="sk_aff_…"
              className="font-mono"
              aria-describedby="secretKey-hint"
            />
          )}
        </Field>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          <PlugZap className={cn("h-4 w-4", pending && "animate-pulse")} aria-hidden />
          Test connection
        </Button>
      </div>
      <p id="secretKey-hint" className="text-xs text-zinc-500">
        A key from the API keys tab, starting with sk_aff_. It is sent only to this app&apos;s /api/track/ping and is not stored.
      </p>
      <p
        role="status"
        aria-live="polite"
        data-testid="connection-result"
        className={cn(
          "text-sm",
          result && "rounded-md px-3 py-2",
          result?.ok && "bg-emerald-50 text-emerald-800",
          result && !result.ok && "bg-red-50 text-red-700",
        )}
      >
        {result?.message}
      </p>
    </form>
  );
}
