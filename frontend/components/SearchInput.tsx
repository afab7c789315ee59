"use client";
/**
 * A search field with autocomplete (ARIA 1.2 combobox with a listbox). Without JavaScript it
 * is a plain search field of the surrounding GET form; with it, suggestions appear as you type
 * and arrow keys, Enter and Escape work as screen-reader users expect.
 */
import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { Completion, SuggestResponse } from "@/lib/types";

export const SUGGEST_PATH = "/suche/vorschlaege/";

export function SearchInput({
  id,
  defaultValue = "",
  placeholder,
  onValueChange,
}: {
  id: string;
  defaultValue?: string;
  placeholder?: string;
  onValueChange?: (value: string) => void;
}) {
  const router = useRouter();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(defaultValue);
  const [items, setItems] = useState<Completion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const lastQuery = useRef("");

  useEffect(() => setValue(defaultValue), [defaultValue]);

  useEffect(() => {
    const q = value.trim();
    if (q.length < 2 || q === lastQuery.current) {
      if (q.length < 2) setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const response = await fetch(`${SUGGEST_PATH}?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) return;
        const data = (await response.json()) as SuggestResponse;
        lastQuery.current = q;
        setItems(data.results);
        setActive(-1);
        setOpen(document.activeElement === inputRef.current && data.results.length > 0);
      } catch {
        /* suggestions are an extra; the form still works */
      }
    }, 150);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [value]);

  function choose(item: Completion) {
    setOpen(false);
    if (item.url) {
      router.push(item.url);
      return;
    }
    setValue(item.text);
    onValueChange?.(item.text);
    const form = inputRef.current?.form;
    if (form && inputRef.current) {
      inputRef.current.value = item.text;
      form.requestSubmit();
    }
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    } else if (event.key === "Enter" && open && active >= 0) {
      const item = items[active];
      if (item) {
        event.preventDefault();
        choose(item);
      }
    }
  }

  const expanded = open && items.length > 0;
  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id={id}
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        enterKeyHint="search"
        maxLength={200}
        placeholder={placeholder}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          onValueChange?.(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(items.length > 0)}
        onBlur={() => window.setTimeout(() => setOpen(false), 120)}
      />
      <ul id={listId} role="listbox" aria-label="Vorschläge" className="combobox__list" hidden={!expanded}>
        {items.map((item, index) => (
          <li
            key={`${item.text}-${index}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="combobox__option"
            onMouseDown={(event) => {
              event.preventDefault();
              choose(item);
            }}
          >
            {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
