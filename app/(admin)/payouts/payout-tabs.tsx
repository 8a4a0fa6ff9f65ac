import { TabNav } from "@/components/ui/tab-nav";

/** Due and History are two URLs, so reload, back and shared links keep the tab. */
export function PayoutTabs() {
  return (
    <TabNav
      label="Payouts"
      tabs={[
        { href: "/payouts", label: "Due" },
        { href: "/payouts/history", label: "History" },
      ]}
    />
  );
}
