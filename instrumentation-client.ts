import { config } from "zod/v4/core";

// Runs in the browser before the app's code. zod compiles object parsers with `new Function`
// where it may, and probes for that when a schema is built; the pages' CSP allows no eval
// (lib/http/security-headers.ts), so the probe was blocked and reported as a CSP violation on
// every page with a form schema. The browser parses without the compiler; servers keep it.
config({ jitless: true });
