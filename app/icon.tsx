import { programIcon } from "@/lib/branding/program-icon";

// /icon: the tab icon, the program's mark (lib/branding/program-icon.tsx). Next.js links it
// from every page's <head>.

export const size = { width: 32, height: 32 };
export const contentType = "image/png";
export const dynamic = "force-dynamic";

export default function Icon() {
  return programIcon(32, 7);
}
