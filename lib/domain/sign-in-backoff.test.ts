import { expect, test } from "vitest";
import { lockSchedule, lockSecondsAfter, MAX_LOCK_SECONDS, QUIET_PERIOD_SECONDS } from "./sign-in-backoff";

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

test("the schedule the database indexes is the same rule, ending at the longest lock", () => {
  const schedule = lockSchedule();
  expect(schedule).toEqual([0, 0, 0, 0, 15, 30, 60, 120, 240, 480, MAX_LOCK_SECONDS]);
  schedule.forEach((seconds, i) => expect(seconds).toBe(lockSecondsAfter(i + 1)));
});

test("no lock outlasts the quiet period after which failures are forgotten", () => {
  expect(MAX_LOCK_SECONDS).toBeLessThanOrEqual(QUIET_PERIOD_SECONDS);
});
