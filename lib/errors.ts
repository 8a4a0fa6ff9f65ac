// One typed error family for the whole app. Services throw these; lib/http/respond.ts maps
// them to the SPEC.md error shape {"error": {code, message, details?}} in one place, and
// server actions map them to form messages.

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the body is not JSON, or not an object. */
export class MalformedError extends AppError {
  constructor(message = "The request body is not valid JSON.") {
    super(400, "malformed_request", message);
  }
}

/** 422: well-formed, but values are wrong; `details` names each failing field. */
export class InvalidError extends AppError {
  constructor(message: string, details?: FieldIssue[], code = "invalid_request") {
    super(422, code, message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "A valid secret key is required.", code = "unauthorized") {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do that.") {
    super(403, "forbidden", message);
  }
}

/** 403: a valid API key whose scope does not cover this endpoint (SPEC.md §6). */
export class InsufficientScopeError extends AppError {
  constructor(message: string) {
    super(403, "insufficient_scope", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.", code = "not_found") {
    super(404, code, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = "conflict", details?: FieldIssue[]) {
    super(409, code, message, details);
  }
}

/** 413: the body is over the route's limit; refused without reading it whole (SPEC.md §6). */
export class PayloadTooLargeError extends AppError {
  constructor(readonly limitBytes: number) {
    super(413, "payload_too_large", `The request body is too large (at most ${formatBytes(limitBytes)}).`);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

export class RateLimitedError extends AppError {
  constructor(
    message = "Too many requests. Slow down and try again shortly.",
    readonly retryAfterSeconds = 60,
  ) {
    super(429, "rate_limited", message);
  }
}

export class TrackingDisabledError extends AppError {
  constructor() {
    super(503, "tracking_disabled", "Tracking is switched off for this program.");
  }
}

/** 404: a store connector whose signing secret is not set (SPEC.md §7). */
export class ConnectorOffError extends AppError {
  constructor(name: string) {
    super(404, "connector_off", `The ${name} connector is off: save its signing secret in the settings to switch it on.`);
  }
}

/** 401: a store-connector delivery whose signature is missing, wrong or too old (SPEC.md §7). */
export class InvalidSignatureError extends AppError {
  constructor(message = "The signature is missing, does not match the signing secret, or is too old.") {
    super(401, "invalid_signature", message);
  }
}

/** Configuration that stops the app from starting (missing secret, locked data folder). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** For pages: the record, or null when the service says it does not exist (then notFound()). */
export async function orNullIfNotFound<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
