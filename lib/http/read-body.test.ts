import { describe, expect, test } from "vitest";
import { PayloadTooLargeError } from "@/lib/errors";
import { readBodyText } from "./read-body";

const MB = 1024 * 1024;

/** A POST whose body is produced chunk by chunk on demand, counting what the reader pulled. */
function streamedPost(totalBytes: number, chunkBytes = 64 * 1024, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  let left = totalBytes;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left <= 0) return controller.close();
      const size = Math.min(chunkBytes, left);
      left -= size;
      pulled.bytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request("http://localhost/api/track/click", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("readBodyText", () => {
  test("a 50 MB body is refused with 413 after reading at most the limit and one chunk", async () => {
    const { request, pulled } = streamedPost(50 * MB);
    const error = await readBodyText(request, 32 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect(error).toMatchObject({ status: 413, code: "payload_too_large", message: "The request body is too large (at most 32 KB)." });
    expect(pulled.bytes).toBeLessThanOrEqual(32 * 1024 + 64 * 1024 * 2);
  });

  test("a declared Content-Length over the limit is refused before reading anything", async () => {
    const { request, pulled } = streamedPost(50 * MB, 64 * 1024, { "content-length": String(50 * MB) });
    await expect(readBodyText(request, 256 * 1024)).rejects.toMatchObject({ status: 413, message: "The request body is too large (at most 256 KB)." });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024); // at most what the stream buffered on its own
  });

  test("a body of exactly the limit is read whole, across chunks, with multi-byte characters split between them", async () => {
    const text = "é".repeat(1000); // 2,000 bytes
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 333) controller.enqueue(bytes.slice(at, at + 333)); // 333 is odd: splits characters
        controller.close();
      },
    });
    const request = new Request("http://localhost/", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readBodyText(request, bytes.length)).toBe(text);
  });

  test("no body reads as empty text", async () => {
    expect(await readBodyText(new Request("http://localhost/", { method: "POST" }), 10)).toBe("");
  });
});
