import http from "node:http";
import type { AddressInfo } from "node:net";

// A pretend store on another origin: pages carry the app's /track.js; its checkout posts the
// browser's visitor id to the store's own server, which reports the sale to the app with
// the secret key, the way a real integration does.

export interface DemoStore {
  origin: string;
  close(): Promise<void>;
}

function page(appOrigin: string, title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<script src="${appOrigin}/track.js" async></script></head>
<body><h1>${title}</h1>
<label>Order total (cents) <input id="amount" value="10000"></label>
<button id="buy">Buy now</button>
<pre id="result"></pre>
<script>
document.getElementById("buy").addEventListener("click", async () => {
  await window.affiliate.ready;
  const res = await fetch("/checkout", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ visitorId: window.affiliate.visitorId(), amount: Number(document.getElementById("amount").value) }) });
  document.getElementById("result").textContent = await res.text();
});
</script></body></html>`;
}

export async function startDemoStore(appOrigin: string, secretKey: string): Promise<DemoStore> {
  let orders = 0;
  const server = http.createServer(async (req, res) => {
    if (req.method === "POST" && req.url === "/checkout") {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      const { visitorId, amount } = JSON.parse(raw) as { visitorId: string | null; amount: number };
      const answer = await fetch(`${appOrigin}/api/track/sale`, {
        method: "POST",
        headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ orderId: `store-${process.pid}-${Date.now()}-${++orders}`, amount, visitorId: visitorId ?? undefined }),
      });
      res.writeHead(answer.status, { "Content-Type": "application/json" });
      res.end(await answer.text());
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page(appOrigin, req.url?.startsWith("/product") ? "Trail Runner 2" : "Northwind Outdoor"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
