import { Card } from "@/components/ui/card";
import type { PartnerStatus } from "@/lib/schemas/enums";

// What a partner who is not approved sees instead of figures and links: only approved
// partners earn (SPEC.md §2), so showing numbers or links would promise what is not paid.

const NOTICES: Record<Exclude<PartnerStatus, "approved">, { title: string; body: string }> = {
  pending: {
    title: "Your application is waiting for approval",
    body: "The program team reviews new partners by hand. Once you are approved, your links, coupons and earnings appear here.",
  },
  rejected: {
    title: "Your application was not approved",
    body: "This program did not accept your application, so there is nothing to promote or earn here. Contact the program team if you think this is a mistake.",
  },
  suspended: {
    title: "Your account is suspended",
    body: "Your links do not earn commissions while the account is suspended. Contact the program team to find out more.",
  },
};

export function StatusNotice({ status, children }: { status: Exclude<PartnerStatus, "approved">; children?: React.ReactNode }) {
  const notice = NOTICES[status];
  return (
    <Card className="border-l-4 border-amber-400 p-6" data-testid="portal-status-notice">
      <h2 className="text-base font-semibold text-zinc-900">{notice.title}</h2>
      <p className="mt-2 max-w-2xl text-sm text-zinc-600">{notice.body}</p>
      {children}
    </Card>
  );
}
