import { formatMoney, minorUnitDigits } from "@/lib/domain/money";

// The code a merchant copies from Settings → Integration, filled with this deployment's URL
// and currency. Secrets stay in the store's environment (AFFILIATE_SECRET_KEY): a page
// that printed a real key into copyable code would leak it into chats and tickets.

export interface SnippetContext {
  appUrl: string;
  currency: string;
}

// One example order, used everywhere so a sale and its refund line up when tried by hand.
const ORDER_ID = "1001";
const VISITOR_ID = "Kq3xV9pZ2mT8wLr5YbN1cA"; // the shape window.affiliate.visitorId() returns
const LINES = [
  { productId: "hoodie", quantity: 1, amount: 3999 },
  { productId: "socks", quantity: 2, amount: 1000 },
];
const TOTAL = LINES.reduce((sum, line) => sum + line.amount, 0);
const REFUND = 1000;

/** "$49.99 in cents", "¥4,999 (JPY has no minor unit)": the comment next to an amount. */
export function amountNote(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const shown = formatMoney(minor, currency);
  if (digits === 0) return `${shown} (${currency} has no minor unit)`;
  return `${shown} in ${digits === 2 ? "cents" : "minor units"}`;
}

export function storefrontSnippet({ appUrl }: SnippetContext): string {
  return `<script src="${appUrl}/track.js" async></script>`;
}

export function checkoutFieldSnippet(): string {
  return `<!-- In your checkout form: your server receives the visitor id with the order -->
<input type="hidden" name="affiliate_visitor_id" id="affiliate-visitor-id">

<script>
  // "load" fires after /track.js (async) has run.
  window.addEventListener("load", async () => {
    if (!window.affiliate) return; // snippet blocked: the sale is still recorded, unattributed
    await window.affiliate.ready;
    const visitorId = window.affiliate.visitorId();
    if (visitorId) document.getElementById("affiliate-visitor-id").value = visitorId;
  });
</script>`;
}

export function checkoutFetchSnippet(): string {
  return `// Checkout that posts JSON to your own server
await window.affiliate?.ready;
const visitorId = window.affiliate?.visitorId() ?? null; // null: no referral on record

await fetch("/checkout", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ cart, visitorId }),
});`;
}

function curl(appUrl: string, path: string, comment: string[], body: string): string {
  return `${comment.map((line) => `# ${line}`).join("\n")}
curl -X POST ${appUrl}${path} \\
  -H "Authorization: Bearer $AFFILIATE_SECRET_KEY" \\
  -H "Content-Type: application/json" \\
  -d '${body}'`;
}

function nodeFetch(appUrl: string, path: string, what: string, comment: string[], body: string, after: string): string {
  return `${comment.map((line) => `// ${line}`).join("\n")}
const response = await fetch("${appUrl}${path}", {
  method: "POST",
  headers: {
    Authorization: \`Bearer \${process.env.AFFILIATE_SECRET_KEY}\`,
    "Content-Type": "application/json",
  },
  body: JSON.stringify(${body}),
});
const result = await response.json();
if (!response.ok) throw new Error(\`Affiliate ${what} not recorded: \${result.error.message}\`);
${after}`;
}

export function saleCurl({ appUrl, currency }: SnippetContext): string {
  const items = LINES.map((l) => `      {"productId": "${l.productId}", "quantity": ${l.quantity}, "amount": ${l.amount}}`).join(",\n");
  return curl(
    appUrl,
    "/api/track/sale",
    [
      "When an order is paid. Amounts are in minor units:",
      `${TOTAL} = ${amountNote(TOTAL, currency)}; items[].amount is each line's total.`,
      "visitorId: what checkout received from window.affiliate.visitorId() (step 2).",
    ],
    `{
    "orderId": "${ORDER_ID}",
    "amount": ${TOTAL},
    "currency": "${currency}",
    "visitorId": "${VISITOR_ID}",
    "customer": {"id": "cus_42", "email": "ada@example.com", "name": "Ada Lovelace"},
    "items": [
${items}
    ]
  }`,
  );
}

export function saleNode({ appUrl, currency }: SnippetContext): string {
  const [first, second] = LINES;
  return nodeFetch(
    appUrl,
    "/api/track/sale",
    "sale",
    [
      "On your server, once the order is paid (Node 18+: fetch is built in).",
      "visitorId and couponCode: what your checkout received in step 2 (may be empty).",
    ],
    `{
    orderId: "${ORDER_ID}", // your order number: retrying the same request is safe
    amount: ${TOTAL}, // ${amountNote(TOTAL, currency)}: the order total
    currency: "${currency}",
    visitorId: visitorId || undefined, // from step 2; left out when the shopper has none
    couponCode: couponCode || undefined, // a partner's coupon attributes the sale too
    customer: { id: "cus_42", email: "ada@example.com", name: "Ada Lovelace" },
    items: [
      { productId: "${first!.productId}", quantity: ${first!.quantity}, amount: ${first!.amount} }, // line totals
      { productId: "${second!.productId}", quantity: ${second!.quantity}, amount: ${second!.amount} },
    ],
  }`,
    "// result: { orderId, attributed, attribution, partnerId, commission: { id, amount, currency, status } }",
  );
}

export function refundCurl({ appUrl, currency }: SnippetContext): string {
  return curl(
    appUrl,
    "/api/track/refund",
    [
      `Part of order ${ORDER_ID} refunded: ${REFUND} = ${amountNote(REFUND, currency)}.`,
      "Leave out \"amount\" to refund whatever is left of the order.",
      "refundId: your refund's id, so a retried request is applied once.",
    ],
    `{"orderId": "${ORDER_ID}", "amount": ${REFUND}, "refundId": "re_5001"}`,
  );
}

export function refundNode({ appUrl, currency }: SnippetContext): string {
  return nodeFetch(
    appUrl,
    "/api/track/refund",
    "refund",
    ["When your store refunds an order, fully or in part."],
    `{
    orderId: "${ORDER_ID}",
    amount: ${REFUND}, // ${amountNote(REFUND, currency)}; leave out to refund what is left
    refundId: "re_5001", // your refund's id: a retry is applied once
  }`,
    "// result: { orderId, refunded, commission: { id, amount, status }, adjustment? }",
  );
}

export function leadCurl({ appUrl }: SnippetContext): string {
  return curl(
    appUrl,
    "/api/track/lead",
    [
      "Optional: a sign-up or other action before any purchase. It links the customer",
      "to the partner, so their later orders are attributed even without a visitor id.",
    ],
    `{"eventName": "signup", "customer": {"id": "cus_42"}, "visitorId": "${VISITOR_ID}"}`,
  );
}

export function leadNode({ appUrl }: SnippetContext): string {
  return nodeFetch(
    appUrl,
    "/api/track/lead",
    "lead",
    ["Optional: when someone signs up, before any purchase."],
    `{
    eventName: "signup",
    customer: { id: "cus_42" }, // the same id you send with their orders
    visitorId: visitorId || undefined, // from step 2
  }`,
    "// Recorded once per customer and event: retrying the same request is safe.",
  );
}

export function pingCurl({ appUrl }: SnippetContext): string {
  return `# From your store's server: checks the key, the network path and the tracking switch
curl ${appUrl}/api/track/ping -H "Authorization: Bearer $AFFILIATE_SECRET_KEY"`;
}
