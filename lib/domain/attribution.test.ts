import { describe, expect, test } from "vitest";
import { attribute, type AttributionInput, type ClickCandidate } from "./attribution";

const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

let nextId = 1;
function click(partnerId: string, ageDays: number, extra: Partial<ClickCandidate> = {}): ClickCandidate {
  return { id: nextId++, partnerId, partnerApproved: true, linkId: null, createdAt: daysAgo(ageDays), declinedReason: null, ...extra };
}

function input(overrides: Partial<AttributionInput> = {}): AttributionInput {
  return {
    now,
    cookieDays: 30,
    model: "last_click",
    lifetimeAttribution: true,
    coupon: null,
    visitorClicks: [],
    lifetimePartner: null,
    ipUserAgentClicks: [],
    ...overrides,
  };
}

describe("first match wins", () => {
  const all = {
    coupon: { partnerId: "coupon", partnerApproved: true },
    visitorClicks: [click("visitor", 1)],
    lifetimePartner: { partnerId: "lifetime", partnerApproved: true },
    ipUserAgentClicks: [click("fingerprint", 1)],
  };
  test.each<[string, Partial<AttributionInput>, string, string]>([
    ["coupon of an approved partner", all, "coupon", "coupon"],
    ["visitor click next", { ...all, coupon: null }, "click", "visitor"],
    ["lifetime partner next", { ...all, coupon: null, visitorClicks: [] }, "lifetime", "lifetime"],
    ["same IP and user agent last", { ...all, coupon: null, visitorClicks: [], lifetimePartner: null }, "ip_user_agent", "fingerprint"],
    ["otherwise unattributed", {}, "none", ""],
  ])("%s", (_name, overrides, rule, partner) => {
    const result = attribute(input(overrides));
    expect(result.rule).toBe(rule);
    expect(result.partnerId ?? "").toBe(partner);
  });
});

describe("what never attributes", () => {
  test("a coupon of a partner who is not approved falls through to the next rule", () => {
    const result = attribute(input({ coupon: { partnerId: "suspended", partnerApproved: false }, visitorClicks: [click("visitor", 2)] }));
    expect(result).toMatchObject({ rule: "click", partnerId: "visitor" });
  });
  test.each<[string, ClickCandidate]>([
    ["an expired click", click("p", 31)],
    ["a click exactly one millisecond past the window", { ...click("p", 0), createdAt: new Date(now.getTime() - 30 * 86_400_000 - 1) }],
    ["a bot's click", click("p", 1, { declinedReason: "bot" })],
    ["a click declined because the partner was not approved then", click("p", 1, { declinedReason: "partner_not_approved" })],
    ["a click of a partner not approved", click("p", 1, { partnerApproved: false })],
    ["a click after the sale", { ...click("p", 0), createdAt: new Date(now.getTime() + 1000) }],
  ])("%s", (_name, c) => {
    expect(attribute(input({ visitorClicks: [c] })).rule).toBe("none");
    expect(attribute(input({ ipUserAgentClicks: [c] })).rule).toBe("none");
  });
  test("a click declined as a duplicate still attributes: it only counts as a repeat in reports", () => {
    const repeat = click("p", 0, { declinedReason: "duplicate" });
    expect(attribute(input({ visitorClicks: [repeat] }))).toMatchObject({ rule: "click", partnerId: "p", clickId: repeat.id });
    expect(attribute(input({ ipUserAgentClicks: [repeat] }))).toMatchObject({ rule: "ip_user_agent", partnerId: "p" });
  });
  test("a click exactly at the edge of the window still counts", () => {
    const edge = { ...click("p", 0), createdAt: daysAgo(30) };
    expect(attribute(input({ visitorClicks: [edge] })).rule).toBe("click");
  });
  test("the lifetime partner is ignored when lifetime attribution is off or the partner is not approved", () => {
    expect(attribute(input({ lifetimeAttribution: false, lifetimePartner: { partnerId: "l", partnerApproved: true } })).rule).toBe("none");
    expect(attribute(input({ lifetimePartner: { partnerId: "l", partnerApproved: false } })).rule).toBe("none");
  });
});

describe("attribution model", () => {
  const clicks = () => [click("first", 20, { linkId: "link-1" }), click("middle", 10), click("last", 1, { linkId: "link-3" })];
  test("last click takes the most recent click in the window", () => {
    expect(attribute(input({ visitorClicks: clicks() }))).toMatchObject({ rule: "click", partnerId: "last", linkId: "link-3" });
  });
  test("first click takes the earliest click in the window", () => {
    expect(attribute(input({ model: "first_click", visitorClicks: clicks() }))).toMatchObject({ partnerId: "first", linkId: "link-1" });
  });
  test("first click skips clicks that cannot attribute", () => {
    const list = [click("expired", 40), click("bot", 25, { declinedReason: "bot" }), click("real", 5), click("later", 1)];
    expect(attribute(input({ model: "first_click", visitorClicks: list })).partnerId).toBe("real");
  });
  test("clicks at the same moment are ordered by id", () => {
    const at = daysAgo(1);
    const list = [{ ...click("a", 0), createdAt: at }, { ...click("b", 0), createdAt: at }];
    expect(attribute(input({ visitorClicks: list })).partnerId).toBe("b");
    expect(attribute(input({ model: "first_click", visitorClicks: list })).partnerId).toBe("a");
  });
  test("the visitor's click carries its id so the order can point at it", () => {
    const c = click("p", 3);
    expect(attribute(input({ visitorClicks: [c] }))).toEqual({ rule: "click", partnerId: "p", clickId: c.id, linkId: null });
  });
});
