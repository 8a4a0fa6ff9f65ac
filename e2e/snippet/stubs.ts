import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

// Tiny stand-ins for public/track.js's two sides: the affiliate app (serves the real snippet
// and stubs the tracking API, recording what it receives) and a store on another origin.

const snippetPath = path.join(__dirname, "../../public/track.js");

/** What a stubbed endpoint answers: a status and JSON body, or "drop" to close the connection. */
export type StubAnswer = { status: number; body?: unknown } | "drop";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface AppStub {
  /** e.g. http://localhost:41234 */
  origin: string;
  /** Every request but the snippet's own file, in arrival order. */
  requests: RecordedRequest[];
  click: StubAnswer;
  config: StubAnswer;
  close(): Promise<void>;
}

export interface StoreStub {
  /** e.g. http://127.0.0.1:41235 (another origin than the app) */
  origin: string;
  /** The <head> markup of every page; defaults to the snippet tag, async. */
  head: string;
  /** Extra <body> markup of every page. */
  body: string;
  close(): Promise<void>;
}

const cors = { "Access-Control-Allow-Origin": "*" };

async function listen(server: http.Server, host: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

function closer(server: http.Server) {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

export async function startAppStub(): Promise<AppStub> {
  const stub = {
    requests: [] as RecordedRequest[],
    click: { status: 200, body: { visitorId: "vid_default_0001", partnerId: "p_1", linkId: null, cookieDays: 30 } } as StubAnswer,
    config: { status: 200, body: { trackingEnabled: true, cookieDays: 30 } } as StubAnswer,
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stub");
      if (req.method === "GET" && (url.pathname === "/track.js" || url.pathname === "/other/snippet.js")) {
        res.writeHead(200, { "Content-Type": "text/javascript", "Cache-Control": "no-store", ...cors });
        res.end(readFileSync(snippetPath));
        return;
      }
      stub.requests.push({ method: req.method ?? "", path: url.pathname, headers: req.headers, body });
      let answer: StubAnswer = { status: 404, body: { error: { code: "not_found", message: "Not found" } } };
      if (req.method === "POST" && url.pathname === "/api/track/click") answer = stub.click;
      if (req.method === "GET" && url.pathname === "/api/track/config") answer = stub.config;
      if (answer === "drop") {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { "Content-Type": "application/json", ...cors });
      res.end(JSON.stringify(answer.body ?? {}));
    });
  });
  const origin = await listen(server, "localhost");
  return Object.assign(stub, { origin, close: closer(server) });
}

export async function startStoreStub(appOrigin: string): Promise<StoreStub> {
  const stub = {
    head: `<script src="${appOrigin}/track.js" async></script>`,
    body: "",
  };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(`<!doctype html><html><head><title>Store</title>${stub.head}</head><body><h1>Store</h1>${stub.body}</body></html>`);
  });
  const origin = await listen(server, "127.0.0.1");
  return Object.assign(stub, { origin, close: closer(server) });
}
