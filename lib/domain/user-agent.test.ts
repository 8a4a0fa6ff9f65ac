import { describe, expect, test } from "vitest";
import { describeUserAgent, parseUserAgent } from "./user-agent";

describe("parseUserAgent", () => {
  test.each([
    [
      "desktop Chrome on Windows",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.127 Safari/537.36",
      { device: "desktop", browser: "Chrome 126", os: "Windows 10" },
    ],
    [
      "Safari on an iPhone",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      { device: "mobile", browser: "Mobile Safari 17", os: "iOS 17.4" },
    ],
    [
      "Chrome on an Android phone",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36",
      { device: "mobile", browser: "Chrome 125", os: "Android 14" },
    ],
    [
      "Safari on an iPad",
      "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
      { device: "tablet", browser: "Mobile Safari 16", os: "iOS 16.6" },
    ],
    [
      "Firefox on Linux",
      "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
      { device: "desktop", browser: "Firefox 127", os: "Linux" },
    ],
    [
      "Safari on a Mac",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      { device: "desktop", browser: "Safari 17", os: "Mac OS 10.15.7" },
    ],
  ])("%s", (_name, userAgent, expected) => {
    expect(parseUserAgent(userAgent)).toEqual(expected);
  });

  test("a script's user agent is read as far as it goes", () => {
    expect(parseUserAgent("curl/8.5.0")).toEqual({ device: "desktop", browser: null, os: null });
  });

  test.each([null, undefined, "", "   "])("no user agent (%j) is null", (ua) => {
    expect(parseUserAgent(ua)).toBeNull();
  });
});

describe("describeUserAgent", () => {
  test("joins device, browser and system for the click log", () => {
    expect(
      describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"),
    ).toBe("Mobile · Mobile Safari 17 · iOS 17.4");
  });

  test("leaves out what it cannot tell", () => {
    expect(describeUserAgent("curl/8.5.0")).toBe("Desktop");
    expect(describeUserAgent(null)).toBe("Unknown");
  });
});
