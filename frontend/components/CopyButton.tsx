"use client";
/** Copies a text to the clipboard; only rendered once JavaScript runs (the text is visible anyway). */
import { useEffect, useState } from "react";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [ready, setReady] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => setReady(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  if (!ready) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setDone(true);
            window.setTimeout(() => setDone(false), 3000);
          } catch {
            setDone(false);
          }
        }}
      >
        {label}
      </button>
      <span className="copy-status" role="status">
        {done ? "Kopiert." : ""}
      </span>
    </>
  );
}
