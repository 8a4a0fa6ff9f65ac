import "server-only";
import { headers } from "next/headers";
import type { RequestClient } from "@/lib/services/address-limits";
import { clientIp } from "./client-ip";

/** The caller of a server action, for the per-address limits of the public forms. */
export async function requestClient(): Promise<RequestClient> {
  return { address: clientIp(await headers()) };
}
