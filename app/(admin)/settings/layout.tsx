import { PageHeader } from "@/components/ui/page-header";
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { href: "/settings", label: "Program" },
  { href: "/settings/integration", label: "Integration" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/team", label: "Team" },
  { href: "/settings/activity", label: "Activity" },
];

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" description="How your program works, who runs it, and how your store talks to it." />
      <TabNav tabs={TABS} label="Settings sections" />
      {children}
    </>
  );
}
