import { z } from "zod";
import { referralCodeSchema } from "./partners";

// The portal's link generator: a partner makes a custom link /a/<slug> to a page of the
// store, either by pasting its address or by picking a product from the catalog, with an
// optional slug. Partners never set a rate (SPEC.md §2 "Links").
//
// Why only the store's own pages: a link on the program's domain that redirects anywhere
// would be an open redirect carrying the merchant's name (phishing, spam), and a click that
// lands off the store can never turn into a sale. So a pasted address must be on the host of
// the program's store URL (Settings → storeUrl), a "www." in front or not, or on one of its
// subdomains (shop.example.com for example.com); a path such as /products/shoes is taken as
// a page of the store. Catalog products link to the URL the merchant's catalog gives them.

export const portalLinkSchema = z
  .object({
    destination: z.string().trim().max(2048, { error: "At most 2048 characters." }).optional(),
    productId: z.string().trim().min(1).max(200).optional(),
    slug: referralCodeSchema.optional(),
  })
  .strict()
  .refine((v) => !!v.destination !== !!v.productId, { error: "Paste a page of the store, or pick a product.", path: ["destination"] });
export type PortalLinkInput = z.infer<typeof portalLinkSchema>;

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, "");

/** The store page a pasted address means, or why it cannot be linked to. */
export function storeDestination(input: string, storeUrl: string): { ok: true; url: string } | { ok: false; error: string } {
  const store = new URL(storeUrl);
  const text = input.trim();
  if (!text) return { ok: false, error: "Paste the address of a page on the store." };
  let url: URL;
  try {
    // "/products/x" is a page of the store; "shop.com/x" is read as https://shop.com/x.
    url = text.startsWith("/") ? new URL(text, store.origin) : new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, error: "That is not a web address. Paste one like https://" + store.host + "/products/…" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, error: "Use an http:// or https:// address." };
  const host = bareHost(url.hostname);
  const storeHost = bareHost(store.hostname);
  if (host !== storeHost && !host.endsWith(`.${storeHost}`)) return { ok: false, error: `Links can only lead to pages on ${store.host}.` };
  if (url.username || url.password) return { ok: false, error: "Remove the user name or password from the address." };
  return { ok: true, url: url.toString() };
}

/** The form's fields → the service's input (empty fields are absent). */
export function portalLinkFormValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of ["destination", "productId", "slug"]) {
    const value = String(form.get(name) ?? "").trim();
    if (value) values[name] = value;
  }
  return values;
}
