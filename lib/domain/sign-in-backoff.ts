// How long an account is locked after consecutive failed sign-ins. The first few mistakes
// are free (typos happen); after that the wait doubles, up to a quarter of an hour.
//
// Every attempt is counted before its password is checked (a success then clears the
// count), so a burst of concurrent guesses gets at most FREE_FAILURES + 1 password checks.
// Failures decay: once QUIET_PERIOD_SECONDS pass without a counted attempt the count starts
// over. The longest lock is no longer than the quiet period, so when it ends the count has
// reset too: someone trying once per lock window cannot keep an account locked for good.

export const FREE_FAILURES = 4;
export const MAX_LOCK_SECONDS = 15 * 60;
export const QUIET_PERIOD_SECONDS = 15 * 60;

export function lockSecondsAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES - 1) * 15, MAX_LOCK_SECONDS);
}

/**
 * lockSecondsAfter for 1, 2, … attempts up to the first that reaches the longest lock, for
 * the database to index (every later attempt gets the last entry).
 */
export function lockSchedule(): number[] {
  const schedule: number[] = [];
  for (let n = 1; ; n++) {
    schedule.push(lockSecondsAfter(n));
    if (schedule.at(-1) === MAX_LOCK_SECONDS) return schedule;
  }
}
