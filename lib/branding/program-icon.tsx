import { ImageResponse } from "next/og";
import { getDb } from "@/db/client";
import { getSettings } from "@/lib/services/settings";
import { programInitial } from "./program-initial";

// The browser-tab and home-screen icon: the program's mark (components/ui/program-mark.tsx),
// the first letter of the program's name on the brand colour, drawn per request so renaming
// the program renames the icon. ImageResponse renders with the Geist font Next.js ships, so
// nothing is fetched.

/** brand-600 (app/globals.css: oklch(0.51 0.21 275)) in sRGB: ImageResponse knows no oklch. */
export const BRAND_600 = "#4a4edb";

export async function programIcon(size: number, radius: number): Promise<ImageResponse> {
  const { name } = await getSettings(await getDb());
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          alignItems: "center",
          justifyContent: "center",
          background: BRAND_600,
          borderRadius: radius,
          color: "white",
          fontSize: Math.round(size * 0.6),
          fontWeight: 700,
        }}
      >
        {programInitial(name)}
      </div>
    ),
    { width: size, height: size },
  );
}
