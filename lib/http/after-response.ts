import { after } from "next/server";

/**
 * Runs `work` once the response has been sent (Next's after()), so bookkeeping such as the
 * Integration log never delays the answer. Outside a request (tests, scripts) it simply
 * runs now and is awaited.
 */
export async function afterResponse(work: () => Promise<void>): Promise<void> {
  try {
    after(work);
  } catch {
    await work();
  }
}
