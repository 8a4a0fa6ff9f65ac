import UAParser from "ua-parser-js";

// What a person reading the click log wants from a user agent: desktop or phone, which
// browser, which system. ua-parser-js (v1, MIT) does the reading; this file only shapes it.

export type DeviceKind = "desktop" | "mobile" | "tablet" | "tv" | "console" | "wearable" | "other";

export interface UserAgentSummary {
  device: DeviceKind;
  /** "Chrome 126", or null when the browser is not recognised. */
  browser: string | null;
  /** "macOS 14.5", "iOS 17.4", or null. */
  os: string | null;
}

const DEVICE_KINDS: Record<string, DeviceKind> = {
  mobile: "mobile",
  tablet: "tablet",
  smarttv: "tv",
  console: "console",
  wearable: "wearable",
  embedded: "other",
};

function named(name: string | undefined, version: string | undefined): string | null {
  if (!name) return null;
  return version ? `${name} ${version}` : name;
}

/** The browser's major version only: "Chrome 126", not "Chrome 126.0.6478.127". */
function major(version: string | undefined): string | undefined {
  return version?.split(".")[0];
}

export function parseUserAgent(userAgent: string | null | undefined): UserAgentSummary | null {
  if (!userAgent?.trim()) return null;
  const result = new UAParser(userAgent).getResult();
  // ua-parser-js names a device type only for non-desktop devices; no type means a computer
  // (or something it cannot tell, which in practice is a desktop browser or a script).
  const device = result.device.type ? (DEVICE_KINDS[result.device.type] ?? "other") : "desktop";
  return {
    device,
    browser: named(result.browser.name, major(result.browser.version)),
    os: named(result.os.name, result.os.version),
  };
}

const DEVICE_LABELS: Record<DeviceKind, string> = {
  desktop: "Desktop",
  mobile: "Mobile",
  tablet: "Tablet",
  tv: "TV",
  console: "Console",
  wearable: "Wearable",
  other: "Other device",
};

/** "Mobile · Safari 17 · iOS 17.4", or "Unknown" for an empty user agent. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  const ua = parseUserAgent(userAgent);
  if (!ua) return "Unknown";
  return [DEVICE_LABELS[ua.device], ua.browser, ua.os].filter(Boolean).join(" · ");
}

export function deviceLabel(kind: DeviceKind): string {
  return DEVICE_LABELS[kind];
}
