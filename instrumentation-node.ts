// Records each request's TCP peer for lib/http/client-ip.ts when the server was started
// without the preload of `npm start` (plain `next start`); a no-op when it is loaded already.
import "./lib/http/peer-address.mjs";

export { startServer as registerNode } from "@/lib/server/startup";
