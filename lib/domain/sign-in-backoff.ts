// How long an account is locked after consecutive failed sign-ins. The first few mistakes
// are free (typos happen); after that the wait doubles, up to a quarter of an hour.

export const FREE_FAILURES = 4;
export const MAX_LOCK_SECONDS = 15 * 60;

export function lockSecondsAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES - 1) * 15, MAX_LOCK_SECONDS);
}
