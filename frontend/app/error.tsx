"use client";
/** 500: something failed on our side (e.g. the backend is unreachable); offer a retry. */
import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="container error-page">
      <p className="error-page__code">Fehler 500</p>
      <h1>Hier ist etwas schiefgegangen</h1>
      <p>
        Die Seite konnte gerade nicht geladen werden. Das liegt an uns, nicht an Ihnen. Bitte versuchen Sie es in einem
        Moment noch einmal.
      </p>
      <p style={{ display: "flex", gap: "1rem", flexWrap: "wrap", alignItems: "center" }}>
        <button type="button" className="button" onClick={() => reset()}>
          Erneut versuchen
        </button>
        <Link href="/">Zur Startseite</Link>
      </p>
      {error.digest ? <p className="small muted">Fehlerkennung: {error.digest}</p> : null}
    </div>
  );
}
