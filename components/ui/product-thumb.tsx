"use client";

import { Package } from "lucide-react";
import { useState } from "react";

/**
 * A product's picture from the store's own CDN, any host (a plain img: no optimisation proxy
 * needed). Store images move and break; a broken one falls back to the same placeholder as
 * a product without an image. Decorative: the product's name is always next to it.
 */
export function ProductThumb({ src }: { src: string | null }) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    return (
      <div className="flex h-10 w-10 items-center justify-center rounded bg-zinc-100" aria-hidden>
        <Package className="h-4 w-4 text-zinc-400" />
      </div>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt="" loading="lazy" onError={() => setFailed(true)} className="h-10 w-10 rounded object-cover ring-1 ring-zinc-200" />;
}
