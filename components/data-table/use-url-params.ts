"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";

type Patch = Record<string, string | number | null | undefined>;

/**
 * The query last asked for whose navigation has not landed yet. Filters change faster than
 * the server renders: without this, a second change made while the first is on its way would
 * start from the old URL and silently undo the first. Module-wide because a page's toolbar,
 * date filter and pagination each hold their own copy of the hook.
 */
let requested: { pathname: string; query: string; owner: symbol } | null = null;

function withPatch(base: string, patch: Patch, keepPage: boolean): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  // Anything but paging changes what the pages are: start again at the first.
  if (!keepPage && !("page" in patch)) next.delete("page");
  return next;
}

/**
 * The list's state lives in the URL (shareable, survives reload and back). Changing it
 * navigates in a transition, so the current rows stay on screen, dimmed, until the server
 * has rendered the next ones.
 */
export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const owner = useRef<symbol>(Symbol("url-params"));

  useEffect(() => {
    // Landed (or superseded): the URL is the truth again.
    if (!pending && requested?.owner === owner.current) requested = null;
  }, [pending]);

  const hrefWith = useCallback(
    (patch: Patch, { keepPage = false } = {}) => {
      const query = withPatch(searchParams.toString(), patch, keepPage).toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname, searchParams],
  );

  // setParams keeps one identity for the page's life: effects that call it (the debounced
  // search) must not fire again just because a navigation landed and the URL changed.
  const current = useRef({ pathname, searchParams });
  useEffect(() => {
    current.current = { pathname, searchParams };
  }, [pathname, searchParams]);

  const setParams = useCallback(
    (patch: Patch, { keepPage = false }: { keepPage?: boolean } = {}) => {
      const { pathname: path, searchParams: params } = current.current;
      const base = requested?.pathname === path ? requested.query : params.toString();
      const query = withPatch(base, patch, keepPage).toString();
      if (query === base) return; // nothing changes: no navigation
      requested = { pathname: path, query, owner: owner.current };
      startTransition(() => router.replace(query ? `${path}?${query}` : path, { scroll: false }));
    },
    [router],
  );

  return { searchParams, setParams, hrefWith, pending };
}
