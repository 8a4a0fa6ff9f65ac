// GET /api/health: liveness for load balancers; touches no database (the benchmark baseline).
export function GET() {
  return Response.json({ ok: true });
}
