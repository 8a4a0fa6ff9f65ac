import { BarChart3, Link2, MousePointerClick, Package, Settings, ShoppingBag, Users, Wallet, Percent } from "lucide-react";

export const NAV_ITEMS = [
  { href: "/overview", label: "Overview", icon: BarChart3 },
  { href: "/partners", label: "Partners", icon: Users },
  { href: "/customers", label: "Customers", icon: ShoppingBag },
  { href: "/commissions", label: "Commissions", icon: Percent },
  { href: "/payouts", label: "Payouts", icon: Wallet },
  { href: "/clicks", label: "Clicks", icon: MousePointerClick },
  { href: "/links", label: "Links", icon: Link2 },
  { href: "/products", label: "Products", icon: Package },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;
