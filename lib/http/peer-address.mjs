// Records the address of the TCP peer of every HTTP request in a private header, for
// lib/http/client-ip.ts. `next start` fills X-Forwarded-For from the socket only when the
// request has none, so a client that sends its own would otherwise choose the address the app
// uses for rate limits, click de-duplication and IP + user-agent attribution.
//
// Loaded before the server starts (`node --import ./lib/http/peer-address.mjs` in package.json's
// start and dev), and again by instrumentation-node.ts for a server started some other way
// (plain `next start`); the second load finds it installed and does nothing.
//
// Node publishes every request on the `http.server.request.start` channel before the server's
// 'request' listeners (Next.js) see it. The header carries a random per-process stamp: a client
// cannot forge it, so a request accepted before this was installed (a plain `next start`'s
// first moments) reads as "address unknown", never as an address the client chose.
import { randomBytes } from "node:crypto";
import { channel } from "node:diagnostics_channel";

const STAMP = Symbol.for("affiliates.peer-address.stamp");

if (!globalThis[STAMP]) {
  const stamp = randomBytes(16).toString("base64url");
  globalThis[STAMP] = stamp;
  channel("http.server.request.start").subscribe(({ request }) => {
    // Always overwritten, whatever the client sent under this name.
    request.headers["x-aff-peer"] = `${stamp} ${request.socket.remoteAddress ?? ""}`;
  });
}
