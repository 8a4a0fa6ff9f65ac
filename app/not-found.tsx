import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found" };

// Any address nothing answers: a mistyped URL, an out-of-date partner dashboard link (the
// merchant reset it), a removed page. Partners see it too, so it points nowhere in particular.
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-zinc-200">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-1 text-lg font-semibold text-zinc-900">Page not found</h1>
        <p className="mt-2 text-sm text-zinc-500">
          There is nothing at this address. It may have been mistyped, or the link is out of date: if a partner dashboard link stopped working, ask the store that runs the program
          for the new one.
        </p>
      </div>
    </main>
  );
}
