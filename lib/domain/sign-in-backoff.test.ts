import { expect, test } from "vitest";
import { lockSecondsAfter, MAX_LOCK_SECONDS } from "./sign-in-backoff";

test.each([
  [1, 0],
  [4, 0],
  [5, 15],
  [6, 30],
  [7, 60],
  [10, 480],
  [11, MAX_LOCK_SECONDS],
  [50, MAX_LOCK_SECONDS],
])("after %i failures the account waits %i s", (failures, seconds) => {
  expect(lockSecondsAfter(failures)).toBe(seconds);
});
