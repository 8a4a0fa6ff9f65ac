import { PayloadTooLargeError } from "@/lib/errors";

// Request bodies are read against the route's limit while they stream in (SPEC.md §6): a
// declared Content-Length over the limit is refused before a byte is read, and a body that
// streams past it (chunked, or a lying Content-Length) is cut off at the limit, so a 50 MB
// POST costs the server at most the limit in memory, not 50 MB.

const decoder = new TextDecoder();

/** The body as UTF-8 text; 413 payload_too_large once it passes `limitBytes`. */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  return decoder.decode(await readBodyBytes(request, limitBytes));
}

/** The body's bytes as received (for signatures over the raw body); 413 past `limitBytes`. */
export async function readBodyBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) {
    // Not read at all: let the client's stream go (Node discards what is left of it).
    await request.body?.cancel().catch(() => {});
    throw new PayloadTooLargeError(limitBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  return Buffer.concat(chunks, size);
}
