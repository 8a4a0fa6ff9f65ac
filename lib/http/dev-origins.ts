import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";

// `next dev` answers its own resources (the scripts' hot-reload websocket /_next/hmr) only to
// pages opened at localhost. A page opened at 127.0.0.1, at the "Network:" address the dev
// server prints, or at NEXTAUTH_URL's host gets a 403 there: it never becomes interactive (the
// sign-in form then submits as a plain GET, password in the URL) and the dev client reloads the
// page every half minute or so, in a loop, for as long as the tab is open. Every host allowed
// here is this machine's own address or the one the operator configured as the app's URL, so
// no other site gains access to the dev server's resources.

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Host names (as a browser's Origin header gives them) that may use the dev server's resources. */
export function devOrigins(environment: { NEXTAUTH_URL?: string } = process.env, interfaces: Interfaces = networkInterfaces()): string[] {
  const hosts = new Set(["127.0.0.1", "[::1]"]);
  for (const address of Object.values(interfaces).flat()) {
    if (!address) continue;
    hosts.add(address.family === "IPv6" ? `[${address.address}]` : address.address);
  }
  const appUrl = environment.NEXTAUTH_URL?.trim();
  if (appUrl && URL.canParse(appUrl)) hosts.add(new URL(appUrl).hostname.toLowerCase());
  return [...hosts];
}
