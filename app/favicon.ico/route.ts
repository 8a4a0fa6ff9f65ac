// GET /favicon.ico: browsers and crawlers that ask for the classic path without reading the
// page's <link rel="icon"> get the program's icon (app/icon.tsx) instead of a 404.
export function GET() {
  return new Response(null, { status: 308, headers: { Location: "/icon" } });
}
