import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { openApiDocument } from "./document";

type Doc = { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: { "application/json": { schema: { required?: string[]; properties?: object } } } } }>> };
const doc = openApiDocument() as unknown as Doc;

/** Every route handler under app/api/{track,v1}: its URL path, the methods it exports and the key scope it declares. */
function routeHandlers(): { path: string; methods: string[]; scopes: Record<string, string> }[] {
  const root = join(process.cwd(), "app/api");
  const found: { path: string; methods: string[]; scopes: Record<string, string> }[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.name !== "route.ts") continue;
    const file = join(entry.parentPath, entry.name);
    const dir = relative(join(process.cwd(), "app"), entry.parentPath);
    if (!/^api\/(track|v1)\//.test(dir)) continue;
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
    const scopes = Object.fromEntries([...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = \w+(?:<[^>]+>)?\(\{[^}]*scope: "(\w+)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
    found.push({ path: `/${dir.replace(/\[(\w+)\]/g, "{$1}")}`, methods, scopes });
  }
  return found;
}

describe("GET /api/v1/openapi.json", () => {
  test("is OpenAPI 3.1", () => {
    expect(doc.openapi).toBe("3.1.0");
  });

  test("describes every public route handler and method, and nothing that does not exist", () => {
    // the document itself, and /api/track/config, which only track.js reads, are left out
    const handlers = routeHandlers().filter((h) => !h.path.endsWith("/openapi.json") && !h.path.endsWith("/config"));
    expect(handlers.length).toBeGreaterThan(10);
    for (const { path, methods } of handlers) {
      expect(Object.keys(doc.paths), path).toContain(path);
      const documented = Object.keys(doc.paths[path]!).filter((k) => k !== "parameters");
      expect(documented.sort(), path).toEqual(methods.filter((m) => m !== "options").sort());
    }
    expect(Object.keys(doc.paths).sort()).toEqual(handlers.map((h) => h.path).sort());
  });

  test("every operation with a key names the scope its handler declares, and documents 403 insufficient_scope", () => {
    const handlers = routeHandlers();
    let checked = 0;
    for (const { path, scopes } of handlers) {
      for (const [method, scope] of Object.entries(scopes)) {
        const operation = (doc.paths[path] as Record<string, Record<string, unknown>>)[method]!;
        expect(operation["x-required-scope"], `${method} ${path}`).toBe(scope);
        expect(operation.responses, `${method} ${path}`).toHaveProperty("403");
        expect(operation.description, `${method} ${path}`).toContain("403 insufficient_scope");
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(14);
  });

  test("request bodies come from the schemas the handlers parse with", () => {
    const sale = doc.paths["/api/track/sale"]!.post!.requestBody!.content["application/json"].schema;
    expect(sale.required?.sort()).toEqual(["amount", "orderId"]);
    const payout = doc.paths["/api/v1/payouts"]!.post!.requestBody!.content["application/json"].schema;
    expect(Object.keys(payout.properties ?? {}).sort()).toEqual(["amount", "method", "note", "partnerId", "transactionId"]);
  });
});
