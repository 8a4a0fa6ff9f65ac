// /apply while the merchant has applications switched off (a 404, with a clear reason).
export default function ApplicationsClosed() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-zinc-200">
        <h1 className="text-lg font-semibold text-zinc-900">Applications are closed</h1>
        <p className="mt-2 text-sm text-zinc-500">This partner program is not taking applications right now. Please check back later.</p>
      </div>
    </main>
  );
}
