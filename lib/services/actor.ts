import type { ActorType } from "@/lib/schemas/enums";

/** Who is acting: recorded in the audit log and commission history. */
export interface Actor {
  type: ActorType;
  /** Admin user id, partner id or API key id; absent for the system and the CLI. */
  id?: string;
  /** A readable label for lists: an email, a key name. */
  label?: string;
}

export const SYSTEM: Actor = { type: "system" };
export const CLI: Actor = { type: "cli" };
