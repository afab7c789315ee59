/** 404: say what happened and offer the ways on (search, sections, home). */
import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/SearchBox";
import { NAVIGATION } from "@/lib/site";

export const metadata: Metadata = { title: "Seite nicht gefunden", robots: { index: false } };

export default function NotFound() {
  return (
    <div className="container error-page">
      <p className="error-page__code">Fehler 404</p>
      <h1>Diese Seite gibt es nicht (mehr)</h1>
      <p>
        Vielleicht wurde das Papier verschoben, umbenannt oder der Link ist unvollständig. Zitierte Papiere finden Sie
        über ihre Zitier-ID in der Suche.
      </p>
      <SearchBox id="notfound-search" label="Positionen durchsuchen" placeholder="Titel, Thema oder Zitier-ID" />
      <h2>Oder hier weiter</h2>
      <ul>
        <li>
          <Link href="/">Startseite</Link>
        </li>
        {NAVIGATION.map((item) => (
          <li key={item.href}>
            <Link href={item.href}>{item.label}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
