"use client";

import { useId, useRef, useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { cn } from "@/components/ui/cn";

export interface ServerExample {
  title: string;
  description: React.ReactNode;
  curl: string;
  node: string;
}

const LANGUAGES = [
  { key: "curl", label: "curl" },
  { key: "node", label: "Node (fetch)" },
] as const;
type Language = (typeof LANGUAGES)[number]["key"];

/** The server-side calls in one language at a time; one switch changes every example. */
export function ServerExamples({ examples }: { examples: ServerExample[] }) {
  const [language, setLanguage] = useState<Language>("curl");
  const id = useId();
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  // Arrow keys move between tabs, as in any tab list (WAI-ARIA tabs pattern).
  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + LANGUAGES.length) % LANGUAGES.length;
    setLanguage(LANGUAGES[next]!.key);
    tabs.current[next]?.focus();
  }

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Example language" className="inline-flex rounded-lg bg-zinc-100 p-1">
        {LANGUAGES.map((lang, index) => {
          const selected = lang.key === language;
          return (
            <button
              key={lang.key}
              ref={(el) => {
                tabs.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${lang.key}`}
              aria-selected={selected}
              aria-controls={`${id}-panel`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setLanguage(lang.key)}
              onKeyDown={(e) => onKeyDown(e, index)}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
                selected ? "bg-white text-zinc-900 shadow-sm" : "text-zinc-600 hover:text-zinc-900",
              )}
            >
              {lang.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${language}`} className="space-y-6">
        {examples.map((example) => (
          <div key={example.title} className="space-y-2">
            <h3 className="text-sm font-semibold text-zinc-900">{example.title}</h3>
            <div className="text-sm text-zinc-600">{example.description}</div>
            <CodeBlock
              code={language === "curl" ? example.curl : example.node}
              title={`${example.title} (${language === "curl" ? "curl" : "Node"})`}
              copyLabel="Copy"
            />
          </div>
        ))}
      </div>
    </div>
  );
}
