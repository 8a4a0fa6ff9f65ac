import type { PayoutMethod } from "@/lib/schemas/enums";

const LABELS: Record<PayoutMethod, string> = { paypal: "PayPal", bank_transfer: "Bank transfer", stripe: "Stripe", other: "Other" };

/** The payout method and its details, one per line. */
export function PayoutDetails({ method, details }: { method: PayoutMethod | null; details: Record<string, string> }) {
  if (!method) return <span className="text-zinc-400">Not set</span>;
  const lines =
    method === "paypal"
      ? [details.email]
      : method === "bank_transfer"
        ? [details.accountHolder, details.iban && `IBAN ${details.iban}`, details.bic && `BIC ${details.bic}`]
        : method === "stripe"
          ? [details.accountId]
          : [details.instructions];
  return (
    <div>
      <p>{LABELS[method]}</p>
      {lines.filter(Boolean).map((line) => (
        <p key={line} className="text-xs break-all text-zinc-500">
          {line}
        </p>
      ))}
    </div>
  );
}
