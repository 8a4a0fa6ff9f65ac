// "Generate coupon" when branded coupons are off: the partner's first name, upper-cased, and
// four random characters, e.g. JANE-7KQ2. Uniqueness is checked when the form is saved.

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I to misread

export function generateCouponCode(name: string): string {
  const stem = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .find(Boolean)
    ?.slice(0, 12);
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  const tail = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${stem || "PARTNER"}-${tail}`;
}
