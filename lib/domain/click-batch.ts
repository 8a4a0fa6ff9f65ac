// Planning one multi-row click insert (see lib/services/tracking/click-writer.ts). Repeats
// inside a batch are settled here: the first click that names a repeat key (the same
// visitor, or the same hashed IP, on the same link) claims it; a later click naming it
// within the hour is a duplicate without asking the database. A key can appear only once in
// the statement, so a click that would reuse a key after more than an hour (possible only
// with back-dated clicks) starts the next batch instead.

export const REPEAT_WINDOW_MS = 60 * 60 * 1000;

export interface PendingClick {
  /** Repeat keys to claim; empty for clicks already declined (bots, inactive partners). */
  keys: string[];
  at: Date;
}

export interface PlannedClick {
  /** Keys this click claims in the database. */
  claims: string[];
  /** True when an earlier click of this batch already claimed one of its keys within the hour. */
  duplicateInBatch: boolean;
}

/** How many of `pending` go into this batch, and what each claims. */
export function planBatch(pending: PendingClick[], maxSize: number): { size: number; plan: PlannedClick[] } {
  const claimedAt = new Map<string, number>();
  const plan: PlannedClick[] = [];
  for (const click of pending.slice(0, maxSize)) {
    const at = click.at.getTime();
    if (click.keys.some((k) => claimedAt.has(k) && at - claimedAt.get(k)! >= REPEAT_WINDOW_MS)) break;
    const duplicateInBatch = click.keys.some((k) => claimedAt.has(k));
    const claims = duplicateInBatch ? [] : click.keys;
    for (const k of claims) claimedAt.set(k, at);
    plan.push({ claims, duplicateInBatch });
  }
  return { size: plan.length, plan };
}
