import type { CommissionType } from "@/lib/schemas/enums";

/** A commission rate: basis points of the amount, or a fixed number of minor units. */
export interface Rate {
  type: CommissionType;
  /** Basis points (percentage) or minor units (fixed). */
  value: number;
}

/** A type/rate pair from the database, where both null means "inherit". */
export function rateOrNull(type: CommissionType | null | undefined, value: number | null | undefined): Rate | null {
  return type && value !== null && value !== undefined ? { type, value } : null;
}
