// How a figure moved against the previous period, as a report card says it.

export type Change =
  | { kind: "up" | "down"; ratio: number }
  | { kind: "same" }
  /** The previous period had nothing: a percentage would be infinite. */
  | { kind: "new" }
  /** Nothing to compare (e.g. a conversion rate without clicks). */
  | { kind: "none" };

export function changeBetween(current: number | null, previous: number | null): Change {
  if (current === null) return { kind: "none" };
  if (previous === null) return current > 0 ? { kind: "new" } : { kind: "none" };
  if (current === previous) return { kind: "same" };
  if (previous === 0) return { kind: "new" };
  const ratio = (current - previous) / Math.abs(previous);
  return { kind: ratio > 0 ? "up" : "down", ratio: Math.abs(ratio) };
}

/** "+12.3 %", "−4.0 %", "new", "no change", "—". */
export function formatChange(change: Change): string {
  switch (change.kind) {
    case "up":
      return `+${(change.ratio * 100).toFixed(1)} %`;
    case "down":
      return `−${(change.ratio * 100).toFixed(1)} %`;
    case "same":
      return "no change";
    case "new":
      return "new";
    case "none":
      return "—";
  }
}

/** The sentence a screen reader hears: "up 12.3 % from $1,000.00 in the previous period". */
export function describeChange(change: Change, previous: string): string {
  switch (change.kind) {
    case "up":
      return `up ${(change.ratio * 100).toFixed(1)} % from ${previous} in the previous period`;
    case "down":
      return `down ${(change.ratio * 100).toFixed(1)} % from ${previous} in the previous period`;
    case "same":
      return `the same as in the previous period`;
    case "new":
      return `new: none in the previous period`;
    case "none":
      return `nothing to compare with the previous period`;
  }
}
