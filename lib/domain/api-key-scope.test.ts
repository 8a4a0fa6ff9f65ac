import { expect, test } from "vitest";
import { keyPrefixFor, scopeAllows, scopesAllowedFor, type ApiKeyScope, type RouteScope } from "./api-key-scope";

test.each<[ApiKeyScope, RouteScope, boolean]>([
  ["full", "full", true],
  ["full", "tracking", true],
  ["full", "publishable", true],
  ["tracking", "full", false],
  ["tracking", "tracking", true],
  ["tracking", "publishable", false],
  ["publishable", "full", false],
  ["publishable", "tracking", false],
  ["publishable", "publishable", true],
])("a %s key on a route that needs %s: %s", (key, route, allowed) => {
  expect(scopeAllows(key, route)).toBe(allowed);
});

test.each<[ApiKeyScope, string]>([
  ["full", "sk_aff_"],
  ["tracking", "sk_aff_"],
  ["publishable", "pk_aff_"],
])("a %s key starts with %s", (scope, prefix) => {
  expect(keyPrefixFor(scope)).toBe(prefix);
});

test.each<[RouteScope, ApiKeyScope[]]>([
  ["full", ["full"]],
  ["tracking", ["full", "tracking"]],
  ["publishable", ["full", "publishable"]],
])("a route needing %s may be called by %j keys", (route, keys) => {
  expect(scopesAllowedFor(route)).toEqual(keys);
});
