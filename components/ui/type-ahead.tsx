"use client";

import { Check, Loader2, Plus, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";

// A server-backed type-ahead (the ARIA 1.2 combobox pattern): search as you type, pick with
// the mouse or arrows + Enter, picked values shown as chips that can be removed. Single or
// multiple; with `name`, each picked value is also a hidden form field of that name.

export interface TypeAheadOption {
  value: string;
  label: string;
  /** A second line: an email, an id, "in group X". */
  detail?: string;
}

export interface TypeAheadProps {
  id: string;
  label: string;
  /** GET `${searchUrl}?q=<text>` answers `{options: TypeAheadOption[]}`. */
  searchUrl: string;
  selected: TypeAheadOption[];
  onChange: (next: TypeAheadOption[]) => void;
  multiple?: boolean;
  /** Form field name: one hidden input per picked value. */
  name?: string;
  placeholder?: string;
  hint?: React.ReactNode;
  error?: string;
  /** Offer to add what was typed when it is not among the results (e.g. a new category). */
  createOption?: (text: string) => TypeAheadOption | null;
  className?: string;
  /** Compact style for toolbars. */
  size?: "sm" | "md";
}

const DEBOUNCE_MS = 150;

export function TypeAhead({ id, label, searchUrl, selected, onChange, multiple = false, name, placeholder, hint, error, createOption, className, size = "md" }: TypeAheadProps) {
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<TypeAheadOption[]>([]);
  /** The text the shown results answer; anything else typed is still being searched. */
  const [answered, setAnswered] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const q = text.trim();
    const timer = setTimeout(async () => {
      try {
        const url = `${searchUrl}${searchUrl.includes("?") ? "&" : "?"}q=${encodeURIComponent(q)}`;
        const res = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { options: TypeAheadOption[] };
        setResults(body.options);
        setFailed(false);
        setActive(0);
        setAnswered(q);
      } catch (e) {
        if ((e as Error).name !== "AbortError") {
          setFailed(true);
          setAnswered(q);
        }
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, text, searchUrl]);

  const loading = open && answered !== text.trim();
  const picked = new Set(selected.map((s) => s.value));
  const created = createOption && text.trim() ? createOption(text.trim()) : null;
  const choices: (TypeAheadOption & { isNew?: boolean })[] = [
    ...results.filter((r) => !multiple || !picked.has(r.value)),
    ...(created && !results.some((r) => r.value === created.value) && !picked.has(created.value) ? [{ ...created, isNew: true }] : []),
  ];
  const activeIndex = Math.min(active, Math.max(choices.length - 1, 0));

  function choose(option: TypeAheadOption) {
    onChange(multiple ? [...selected, { value: option.value, label: option.label, detail: option.detail }] : [option]);
    setText("");
    setActive(0);
    if (!multiple) setOpen(false);
    input.current?.focus();
  }

  function remove(value: string) {
    onChange(selected.filter((s) => s.value !== value));
    input.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((activeIndex + 1) % Math.max(choices.length, 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((activeIndex - 1 + choices.length) % Math.max(choices.length, 1));
    } else if (event.key === "Enter") {
      // Enter picks from an open list instead of submitting the form around it.
      if (open && choices[activeIndex]) {
        event.preventDefault();
        choose(choices[activeIndex]);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      }
    } else if (event.key === "Backspace" && !text && selected.length && multiple) {
      remove(selected[selected.length - 1]!.value);
    }
  }

  const describedBy = [hint && !error ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className={cn("block font-medium", size === "sm" ? "text-xs text-zinc-600" : "text-sm text-zinc-800")}>
        {label}
      </label>
      <div className="relative">
        <div
          className={cn(
            "flex flex-wrap items-center gap-1.5 rounded-md bg-white px-2 shadow-sm ring-1 ring-zinc-300 ring-inset focus-within:ring-2 focus-within:ring-brand-500",
            size === "sm" ? "min-h-9 py-1" : "min-h-10 py-1.5",
            error && "ring-red-500",
          )}
          onClick={(e) => {
            // A click on the box itself (not on a chip's button) starts a search.
            if (e.target === e.currentTarget) {
              input.current?.focus();
              setOpen(true);
            }
          }}
        >
          {selected.map((s) => (
            <span key={s.value} className="inline-flex max-w-full items-center gap-1 rounded bg-brand-50 py-0.5 pr-1 pl-2 text-xs font-medium text-brand-800 ring-1 ring-brand-200 ring-inset" data-testid={`chip-${id}`}>
              {/* wraps rather than truncates: a title tooltip is no help on a phone */}
              <span className="min-w-0 wrap-anywhere" title={s.detail ? `${s.label} (${s.detail})` : s.label}>
                {s.label}
              </span>
              <button type="button" className="rounded p-0.5 text-brand-600 hover:bg-brand-100 hover:text-brand-900" aria-label={`Remove ${s.label}`} onClick={() => remove(s.value)}>
                <X className="h-3 w-3" aria-hidden />
              </button>
              {name && <input type="hidden" name={name} value={s.value} />}
            </span>
          ))}
          <input
            ref={input}
            id={id}
            type="text"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && choices.length ? optionId(activeIndex) : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            value={text}
            placeholder={selected.length && !multiple ? "" : placeholder}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
            }}
            onClick={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
            className="min-w-24 flex-1 border-0 bg-transparent px-1 py-0.5 text-sm text-zinc-900 placeholder:text-zinc-400 focus:ring-0 focus:outline-none"
          />
          {loading && <Loader2 className="h-4 w-4 shrink-0 animate-spin text-zinc-400" aria-hidden />}
        </div>
        {open && (
          <div className="absolute z-20 mt-1 w-full min-w-56 overflow-hidden rounded-md bg-white shadow-lg ring-1 ring-zinc-200">
            <ul id={listId} role="listbox" aria-label={label} aria-multiselectable={multiple || undefined} className="max-h-64 overflow-y-auto py-1">
              {choices.map((o, i) => (
                <li
                  key={`${o.value}${o.isNew ? ":new" : ""}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={cn("flex cursor-pointer items-start gap-2 px-3 py-2 text-sm", i === activeIndex ? "bg-brand-50 text-brand-900" : "text-zinc-800")}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(o)}
                >
                  {o.isNew ? (
                    <Plus className="mt-0.5 h-4 w-4 shrink-0 text-brand-600" aria-hidden />
                  ) : picked.has(o.value) ? (
                    <Check className="mt-0.5 h-4 w-4 shrink-0 text-brand-600" aria-hidden />
                  ) : (
                    <span className="w-4 shrink-0" aria-hidden />
                  )}
                  <span className="min-w-0">
                    <span className="block truncate">{o.isNew ? `Add “${o.label}”` : o.label}</span>
                    {o.detail && !o.isNew && <span className="block truncate text-xs text-zinc-500">{o.detail}</span>}
                  </span>
                </li>
              ))}
            </ul>
            {!choices.length && (
              <p className="px-3 py-2 text-sm text-zinc-500" role="status">
                {failed ? "Could not search; try again." : loading ? "Searching…" : text.trim() ? "No matches" : "Nothing to pick yet"}
              </p>
            )}
          </div>
        )}
      </div>
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}
