import { describe, expect, test } from "vitest";
import { optionalEnum, parseListParams } from "./list-params";

const spec = { sortable: ["name", "revenue"] as const, defaultSort: "name" as const, defaultDir: "asc" as const, filters: { status: optionalEnum(["approved", "pending"]) } };

describe("parseListParams", () => {
  test("reads search, sort, page, size and filters", () => {
    expect(parseListParams({ q: " maya ", sort: "revenue", dir: "desc", page: "3", size: "50", status: "pending" }, spec)).toEqual({
      q: "maya",
      sort: "revenue",
      dir: "desc",
      page: 3,
      size: 50,
      filters: { status: "pending" },
    });
  });
  test("nonsense falls back to the defaults instead of failing the page", () => {
    expect(parseListParams({ sort: "password_hash", dir: "sideways", page: "-4", size: "1000000", status: "deleted" }, spec)).toEqual({
      q: "",
      sort: "name",
      dir: "asc",
      page: 1,
      size: 25,
      filters: { status: undefined },
    });
  });
  test("repeated parameters take the first", () => {
    expect(parseListParams({ page: ["2", "9"] }, spec).page).toBe(2);
  });
});
