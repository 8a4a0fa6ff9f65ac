import { programIcon } from "@/lib/branding/program-icon";

// /apple-icon: the home-screen icon (iOS rounds the corners itself), the program's mark.

export const size = { width: 180, height: 180 };
export const contentType = "image/png";
export const dynamic = "force-dynamic";

export default function AppleIcon() {
  return programIcon(180, 0);
}
