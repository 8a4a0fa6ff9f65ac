// Runs once when a server process starts, before it serves requests. Node-only work lives
// in instrumentation-node.ts so the Edge runtime never loads it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./instrumentation-node");
    await registerNode();
  }
}
