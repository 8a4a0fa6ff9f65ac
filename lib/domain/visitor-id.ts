import { randomBytes } from "node:crypto";

const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A new visitor id: 128 random bits, URL- and cookie-safe. */
export function newVisitorId(): string {
  return randomBytes(16).toString("base64url");
}

export function isVisitorId(value: unknown): value is string {
  return typeof value === "string" && VISITOR_ID.test(value);
}
