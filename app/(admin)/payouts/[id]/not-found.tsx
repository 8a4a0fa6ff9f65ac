import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function PayoutNotFound() {
  return (
    <Card className="p-10 text-center">
      <h1 className="text-base font-semibold text-zinc-900">Payout not found</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-zinc-500">There is no payout at this address. It may have been mistyped, or the link is out of date.</p>
      <Link href="/payouts/history" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
        Back to the payout history
      </Link>
    </Card>
  );
}
