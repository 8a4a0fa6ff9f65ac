import "server-only";
import bcrypt from "bcryptjs";

// bcrypt with a work factor that costs ~100 ms here: slow for guessing, quick for a person.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// Compared against when the account does not exist, so a wrong email takes as long as a
// wrong password and timing reveals nothing.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", COST);

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  return bcrypt.compare(password, hash ?? DUMMY_HASH).then((ok) => ok && !!hash);
}
