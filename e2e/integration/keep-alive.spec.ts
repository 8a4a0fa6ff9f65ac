import http from "node:http";
import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";

// A store's server keeps its connection to the app open between orders. Node's default would
// close an idle connection after 5 s, and a client that reuses it at that moment gets a
// connection reset instead of an answer; `npm start` keeps idle connections for 65 s (longer
// than the usual load balancer's 60 s), so a pause between two calls costs nothing.

function get(agent: http.Agent, path: string): Promise<{ status: number; localPort: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, baseURL), { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, localPort: req.socket?.localPort ?? -1 }));
    });
    req.on("error", reject);
  });
}

test("a connection left idle for longer than 5 s is still open for the next call", async () => {
  test.setTimeout(30_000);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get(agent, "/api/health");
    expect(first.status).toBe(200);
    await new Promise((r) => setTimeout(r, 6_000));
    const second = await get(agent, "/api/health");
    expect(second.status).toBe(200);
    // the same socket answered: the server did not close it while it was idle
    expect(second.localPort).toBe(first.localPort);
  } finally {
    agent.destroy();
  }
});
