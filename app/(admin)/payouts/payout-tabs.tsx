import { TabNav } from "@/components/ui/tab-nav";

/** Due, PayPal batches and History are URLs of their own, so reload, back and shared links keep the tab. */
export function PayoutTabs() {
  return (
    <TabNav
      label="Payouts"
      tabs={[
        { href: "/payouts", label: "Due" },
        { href: "/payouts/batches", label: "PayPal batches" },
        { href: "/payouts/history", label: "History" },
      ]}
    />
  );
}
