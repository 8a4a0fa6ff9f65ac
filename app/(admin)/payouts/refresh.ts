import "server-only";
import { revalidatePath } from "next/cache";

/** After money moved: the pages that show balances, payouts and batches are rendered anew. */
export function refreshPayoutPages() {
  revalidatePath("/payouts", "layout");
  revalidatePath("/partners", "layout");
  revalidatePath("/commissions", "layout");
}
