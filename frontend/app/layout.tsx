import type { Metadata, Viewport } from "next";
import { SiteFooter } from "@/components/SiteFooter";
import { SiteHeader } from "@/components/SiteHeader";
import { ROUTES, SITE, siteUrl } from "@/lib/site";
import { sourceSans } from "./fonts";
import "./globals.css";

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: `${SITE.name} – Positionen der IT-Wirtschaft`, template: `%s | ${SITE.name}` },
    description: SITE.description,
    applicationName: SITE.name,
    openGraph: {
      type: "website",
      locale: "de_DE",
      siteName: SITE.legalName,
      title: SITE.name,
      description: SITE.description,
    },
    alternates: {
      types: { "application/atom+xml": [{ url: ROUTES.feed, title: `${SITE.name}: neue Positionen` }] },
    },
    formatDetection: { telephone: false },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#08324f",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="de" className={sourceSans.variable}>
      <body>
        <a className="skip-link" href="#inhalt">
          Zum Inhalt springen
        </a>
        <SiteHeader />
        <main id="inhalt" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
