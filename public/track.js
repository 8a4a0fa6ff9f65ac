/* Affiliate tracking snippet (plain ES2017, no dependencies). On every store page:
 *   <script src="https://affiliates.example.com/track.js" async></script>
 * Optional data-cookie-domain=".example.com" shares the cookie across subdomains.
 * ?ref=CODE records a click; ?aff_vid=ID (from the app's /r and /a redirects) is kept.
 * The visitor id lives in the first-party cookie "aff_vid"; checkout reads it with
 * window.affiliate.visitorId() or `await window.affiliate.ready`.
 */
(() => {
  "use strict";
  const NAME = "aff_vid";
  const valid = (v) => (typeof v === "string" && /^[\w-]{8,64}$/.test(v) ? v : null);

  // The cookie's value; null when absent, invalid or blocked.
  const visitorId = () => {
    try {
      for (const part of document.cookie.split(";")) {
        const i = part.indexOf("=");
        const v = part.slice(0, i).trim() === NAME && valid(part.slice(i + 1).trim());
        if (v) return v;
      }
    } catch (e) { /* cookies blocked */ }
    return null;
  };

  const store = (script, id, days) => {
    if (!(days > 0)) return;
    const domain = script.getAttribute("data-cookie-domain");
    let c = `${NAME}=${id}; path=/; max-age=${Math.round(days * 86400)}; SameSite=Lax`;
    if (location.protocol === "https:") c += "; Secure";
    if (domain && /^\.?[\w.-]+$/.test(domain)) c += `; domain=${domain}`;
    try { document.cookie = c; } catch (e) { /* cookies blocked */ }
  };

  const run = async (script) => {
    const q = new URLSearchParams(location.search);
    const ref = q.get("ref");
    const urlId = valid(q.get("aff_vid"));
    if (!script || typeof fetch !== "function" || !(ref || urlId)) return;
    const api = new URL(script.src).origin;
    // ?ref: record the click (text/plain keeps it a simple CORS request, no preflight).
    // ?aff_vid alone: the redirect recorded it; keep the id while tracking is on.
    const res = await (ref
      ? fetch(`${api}/api/track/click`, {
        method: "POST", headers: { "Content-Type": "text/plain" }, keepalive: true,
        body: JSON.stringify({ ref, url: location.href, referrer: document.referrer, visitorId: visitorId() || urlId || undefined }),
      })
      : fetch(`${api}/api/track/config`));
    if (res.status !== 200) return;
    const data = await res.json();
    const id = ref ? data.visitorId : data.trackingEnabled === true && urlId;
    if (valid(id)) store(script, id, data.cookieDays);
  };

  try {
    if (window.affiliate) return; // included twice: only the first copy runs
    // Our own <script> tag (its src gives the API origin), read before any await.
    const script = document.currentScript ||
      [...document.querySelectorAll("script[src]")].reverse().find((s) => /\/track\.js([?#]|$)/.test(s.src));
    let finish;
    const ready = new Promise((resolve) => { finish = () => resolve(visitorId()); });
    window.affiliate = { visitorId, ready };
    setTimeout(finish, 10000); // don't keep checkout waiting on a hung request
    run(script).then(finish, finish);
  } catch (e) { /* never break the host page */ }
})();
