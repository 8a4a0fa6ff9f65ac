"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

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

  const hrefWith = useCallback(
    (patch: Record<string, string | number | null | undefined>, { keepPage = false } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      // Anything but paging changes what the pages are: start again at the first.
      if (!keepPage && !("page" in patch)) next.delete("page");
      const query = next.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname, searchParams],
  );

  const setParams = useCallback(
    (patch: Record<string, string | number | null | undefined>, options?: { keepPage?: boolean }) => {
      startTransition(() => router.replace(hrefWith(patch, options), { scroll: false }));
    },
    [hrefWith, router],
  );

  return { searchParams, setParams, hrefWith, pending };
}
