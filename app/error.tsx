"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

// A page outside the admin console (sign-in, the partner portal, /apply) failed to render.
export default function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-zinc-200">
        <ErrorNotice digest={error.digest} retry={retry} />
      </div>
    </main>
  );
}
