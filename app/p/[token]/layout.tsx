import type { Metadata } from "next";

// Everything under /p/<token>: the URL is a secret, so search engines keep out and no page
// sends it on in a Referer (the response header says so too, see next.config.ts).
export const metadata: Metadata = {
  title: { default: "Partner dashboard", template: "%s · Partner dashboard" },
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

export default function PortalRootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
