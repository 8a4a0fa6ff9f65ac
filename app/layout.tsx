import type { Metadata, Viewport } from "next";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Affiliates", template: "%s · Affiliates" },
  description: "Run your store's affiliate program: partners, links, commissions and payouts.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page reads the database or the session: nothing here is rendered at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
