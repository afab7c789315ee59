"use client";
/** Last resort when even the layout fails: a self-contained German error page. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="de">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "3rem auto", maxWidth: "40rem", padding: "0 1rem", color: "#1b2430" }}>
        <main>
          <p style={{ fontWeight: 700, color: "#4d5866" }}>Fehler 500</p>
          <h1>Die Website ist gerade nicht erreichbar</h1>
          <p>Bitte versuchen Sie es in einem Moment noch einmal.</p>
          <button type="button" onClick={() => reset()} style={{ font: "inherit", padding: "0.5rem 1rem" }}>
            Erneut versuchen
          </button>
        </main>
      </body>
    </html>
  );
}
