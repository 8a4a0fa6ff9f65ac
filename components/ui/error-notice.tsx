"use client";

import { Button } from "./button";

/**
 * What a page shows when rendering it failed on the server or in the browser: no stack or
 * message (a server error's text is hidden from the browser anyway), the reference to find
 * it in the server log, and a retry, which loads the page's data again.
 */
export function ErrorNotice({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <div role="alert" className="text-center">
      <h1 className="text-lg font-semibold text-zinc-900">Something went wrong</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-zinc-500">
        This page could not be shown just now. Try again in a moment; if it keeps happening, the server log has the details
        {digest ? (
          <>
            {" "}
            under the reference <code className="rounded bg-zinc-100 px-1 py-0.5 text-xs text-zinc-700">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button className="mt-5" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}
