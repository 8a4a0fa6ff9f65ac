import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { isSealed, sealToken, unsealToken } from "./token-seal";

const SECRET = "a-secret-of-more-than-32-characters-0123456789";

describe("sealed dashboard tokens", () => {
  test("seal and open again with the same secret; the sealed form does not contain the token", () => {
    const token = randomBytes(24).toString("base64url");
    const sealed = sealToken(token, SECRET);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(token);
    expect(unsealToken(sealed, SECRET)).toBe(token);
  });

  test("the same token seals differently each time (random IV)", () => {
    expect(sealToken("same-token", SECRET)).not.toBe(sealToken("same-token", SECRET));
  });

  test("another secret, a tampered value or a plain token opens nothing", () => {
    const sealed = sealToken("the-token-itself", SECRET);
    expect(unsealToken(sealed, `${SECRET}x`)).toBeNull();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith("AA") ? "BB" : "AA");
    expect(unsealToken(flipped, SECRET)).toBeNull();
    expect(unsealToken("the-token-itself", SECRET)).toBeNull();
    expect(unsealToken("v1.", SECRET)).toBeNull();
    expect(unsealToken("v1.!!!", SECRET)).toBeNull();
  });
});
