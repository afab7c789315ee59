/** Shown (server-rendered, so also without JavaScript) when the backend cannot answer. */
import Link from "next/link";

export function BackendUnavailable() {
  return (
    <div className="container error-page">
      <meta name="robots" content="noindex" />
      <p className="error-page__code">Fehler 503</p>
      <h1>Die Inhalte sind gerade nicht erreichbar</h1>
      <p>
        Unser Server antwortet im Moment nicht. Das liegt an uns, nicht an Ihnen. Bitte laden Sie die Seite in einem
        Moment neu.
      </p>
      <p>
        <Link href="/impressum/">Impressum und Kontakt</Link>
      </p>
    </div>
  );
}
