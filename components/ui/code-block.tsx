import { cn } from "./cn";
import { CopyButton } from "./copy-button";

/**
 * Code to paste somewhere else: a caption, a copy button, and the code itself, which
 * scrolls sideways on narrow screens instead of wrapping (wrapped code pastes wrong).
 */
export function CodeBlock({
  code,
  title,
  copyLabel = "Copy",
  className,
}: {
  code: string;
  /** What the code is, e.g. "HTML" or "Sale (curl)"; also names the scrollable region. */
  title: string;
  copyLabel?: string;
  className?: string;
}) {
  return (
    <figure className={cn("min-w-0 overflow-hidden rounded-lg bg-zinc-900 ring-1 ring-zinc-800", className)}>
      <figcaption className="flex items-center justify-between gap-3 border-b border-zinc-800 py-1.5 pr-1.5 pl-4">
        <span className="truncate text-xs font-medium text-zinc-400">{title}</span>
        <CopyButton value={code} label={copyLabel} />
      </figcaption>
      {/* Focusable so keyboard users can scroll long lines. */}
      <pre
        tabIndex={0}
        aria-label={title}
        className="overflow-x-auto p-4 text-[13px] leading-relaxed text-zinc-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none focus-visible:ring-inset"
      >
        <code className="font-mono">{code}</code>
      </pre>
    </figure>
  );
}
