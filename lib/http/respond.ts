import { NextResponse } from "next/server";
import { AppError, RateLimitedError } from "@/lib/errors";

// The one place errors become HTTP answers, in SPEC.md §3's shape:
// {"error": {"code", "message", "details"?}}.

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details ? { code, message, details } : { code, message } };
}

export function errorResponse(error: unknown, headers?: HeadersInit): NextResponse {
  if (error instanceof AppError) {
    const response = NextResponse.json(errorBody(error.code, error.message, error.details), { status: error.status, headers });
    if (error instanceof RateLimitedError) response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
  // Unexpected: log the error itself (never the request, which may carry keys) and answer
  // without internals.
  console.error("Unhandled error in route handler:", error);
  return NextResponse.json(errorBody("internal_error", "Something went wrong on our side."), { status: 500, headers });
}
