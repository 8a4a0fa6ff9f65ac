import { Badge, type Tone } from "./badge";

// One colour per status across the console, so "approved" always looks the same.
const TONES: Record<string, Tone> = {
  // partners
  approved: "green",
  pending: "yellow",
  rejected: "red",
  suspended: "gray",
  // commissions
  paid: "blue",
  void: "red",
  // payouts
  completed: "green",
  // PayPal batches
  open: "yellow",
  cancelled: "gray",
};

const LABELS: Record<string, string> = { void: "Void", paid: "Paid", completed: "Completed" };

export function StatusBadge({ status }: { status: string }) {
  const label = LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1).replaceAll("_", " ");
  return <Badge tone={TONES[status] ?? "gray"}>{label}</Badge>;
}
