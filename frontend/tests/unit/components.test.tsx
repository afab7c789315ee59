import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AtAGlance } from "@/components/AtAGlance";
import { BackendUnavailable } from "@/components/BackendUnavailable";
import { StatusBadge } from "@/components/Badges";
import { DemandImpacts } from "@/components/DemandImpacts";
import { DemandSynopsis } from "@/components/DemandSynopsis";
import { FacetGroup } from "@/components/FacetGroup";
import { Pagination } from "@/components/Pagination";
import { PaperFilters, addresseeGroups } from "@/components/PaperFilters";
import { PaperItem } from "@/components/PaperItem";
import { PaperStatusNotice } from "@/components/PaperStatusNotice";
import { StreamBody } from "@/components/StreamBody";
import { PaperView } from "@/components/views/PaperView";
import { paperListState } from "@/lib/mapping";
import type { Addressee } from "@/lib/types";
import { CURRENT, SUPERSEDED, WITHDRAWN, paperDetail, paperListItem, paperRef } from "./fixtures";

const html = (node: React.ReactElement) => renderToStaticMarkup(node);

describe("PaperItem", () => {
  it("shows matching PDF passages with their page, escaping anything but <mark>", () => {
    const out = html(
      <ul>
        <PaperItem paper={paperListItem()} pdfPassages={[{ page: 7, highlight: "Die <mark>Breitbandförderung</mark> <b>x</b>" }]} />
      </ul>,
    );
    expect(out).toContain("PDF, S. 7:");
    expect(out).toContain("<mark>Breitbandförderung</mark> &lt;b&gt;x&lt;/b&gt;");
  });
  it("links the title to the frontend path and shows the facts", () => {
    const out = html(<ul><PaperItem paper={paperListItem()} /></ul>);
    expect(out).toContain('href="/arbeitskreise/it-sicherheit/nis2/"');
    expect(out).toContain("Stellungnahme");
    expect(out).toContain("12.03.2025");
    expect(out).toContain("CITM-STN-2025-07");
    expect(out).not.toContain("badge--current");
  });
  it("shows the highlighted summary and snippets, escaping anything but <mark>", () => {
    const out = html(
      <ul>
        <PaperItem
          paper={paperListItem()}
          summaryHtml="Der <mark>Arbeitskreis</mark> fordert"
          snippets={["Die <mark>NIS2</mark> <script>x</script>"]}
          titleHtml="<mark>NIS2</mark> umsetzen"
        />
      </ul>,
    );
    expect(out).toContain("<mark>NIS2</mark> &lt;script&gt;x&lt;/script&gt;");
    expect(out).toContain("<mark>NIS2</mark> umsetzen");
    expect(out).toContain("Der <mark>Arbeitskreis</mark> fordert");
  });
});

describe("status", () => {
  it("labels superseded papers and links the newer version prominently", () => {
    const out = html(
      <PaperStatusNotice
        paper={{
          status: SUPERSEDED,
          superseded_by: paperRef({ slug: "neu", title: "Neue Fassung", url: "/arbeitskreise/x/neu/", citation_id: "CITM-POS-2025-02", status: CURRENT }),
        }}
      />,
    );
    expect(out).toContain("Dieses Papier ist überholt.");
    expect(out).toContain('href="/arbeitskreise/x/neu/"');
    expect(out).toContain("CITM-POS-2025-02");
    expect(html(<StatusBadge status={SUPERSEDED} />)).toBe('<span class="badge badge--superseded">überholt</span>');
    expect(html(<StatusBadge status={CURRENT} />)).toBe("");
    expect(html(<PaperStatusNotice paper={{ status: CURRENT, superseded_by: null }} />)).toBe("");
    expect(html(<PaperStatusNotice paper={{ status: WITHDRAWN, superseded_by: null }} />)).toContain("zurückgezogen");
  });
});

describe("paper body", () => {
  it("renders headings, sanitised paragraphs, demands, quotes, tables and references", () => {
    const out = html(<StreamBody blocks={paperDetail().body} />);
    expect(out).toContain("<h2>Ausgangslage</h2>");
    expect(out).toContain("<strong>muss</strong>");
    expect(out).toContain('aria-label="Forderung 1"');
    expect(out).toContain("§ 32 BSIG-E");
    expect(out).toContain("<blockquote>");
    expect(out).toContain("<caption>Fristen</caption>");
    expect(out).toContain('<th scope="col">Pflicht</th>');
    expect(out).toContain("[1]");
  });
  it("sets the demands apart in a synopsis table with headers", () => {
    const out = html(<DemandSynopsis demands={paperDetail().demands} />);
    expect(out).toContain("Synopse der Forderungen");
    expect(out).toContain('<th scope="col">Unser Änderungsvorschlag</th>');
    expect(out).toContain('data-label="Begründung"');
  });
  it("says what became of each demand with a recorded outcome, and nothing without one", () => {
    const demands = paperDetail().demands;
    const out = html(<DemandImpacts demands={demands} />);
    expect(out).toContain("Was wurde daraus?");
    expect(out).toContain("teilweise übernommen");
    expect(out).toContain('href="https://dip.bundestag.de/vorgang/1"');
    expect(out).toContain("Drucksache 21/1501");
    expect(out).not.toContain("Förderprogramm für KMU");
    expect(html(<DemandImpacts demands={demands.map((d) => ({ ...d, impact: null }))} />)).toBe("");
  });
  it("shows the verdict and key demands at a glance", () => {
    const out = html(<AtAGlance verdict="Kurz gesagt." demands={["Eins", "Zwei"]} />);
    expect(out).toContain("Auf einen Blick");
    expect(out).toContain("<li>Zwei</li>");
    expect(html(<AtAGlance verdict="" demands={[]} />)).toBe("");
  });
});

describe("PaperView", () => {
  it("puts 'Auf einen Blick' before the body and offers PDF, citation and share link", () => {
    const out = html(<PaperView paper={paperDetail()} canonicalUrl="https://example.org/arbeitskreise/it-sicherheit/nis2/" />);
    expect(out.indexOf("Auf einen Blick")).toBeLessThan(out.indexOf("Ausgangslage"));
    expect(out).toContain("PDF herunterladen");
    expect(out).toContain("Zitier-ID: CITM-STN-2025-07. https://example.org/arbeitskreise/it-sicherheit/nis2/");
    expect(out).toContain('value="https://example.org/arbeitskreise/it-sicherheit/nis2/"');
    expect(out).toContain("Bundesministerium des Innern");
    expect(out).toContain("13.03.2025");
    expect(out).toContain("NIS2UmsuCG");
    expect(out).toContain("ACME IT GmbH");
    expect(out).toContain("Version 1.0");
    // Choice labels are the API's: kind and level of the law, the addressee's level.
    expect(out).toContain("Gesetz · Bund · BT-Drs. 21/1501");
    expect(out).toMatch(/Bund · versandt am <time dateTime="2025-03-13">13\.03\.2025<\/time>/);
    expect(out).toContain("Verwandte Papiere");
    expect((out.match(/<h1/g) ?? []).length).toBe(1);
    const ld = JSON.parse(out.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!);
    expect(ld).toMatchObject({ "@type": "Report", identifier: "CITM-STN-2025-07", inLanguage: "de" });
  });
  it("keeps title text from closing the JSON-LD script", () => {
    const out = html(<PaperView paper={paperDetail({ title: "</script><script>alert(1)</script>" })} canonicalUrl="https://example.org/x/" />);
    expect(out).not.toContain("</script><script>alert(1)");
  });
});

describe("navigation widgets", () => {
  it("paginates with aria-current and rel links", () => {
    const out = html(<Pagination page={2} totalPages={5} hrefFor={(p) => `/x/?seite=${p}`} />);
    expect(out).toContain('aria-current="page"');
    expect(out).toContain('rel="prev"');
    expect(out).toContain('href="/x/?seite=5"');
    expect(html(<Pagination page={1} totalPages={1} hrefFor={() => "/"} />)).toBe("");
  });
  it("renders facets as labelled checkboxes with counts, keeping selected values", () => {
    const out = html(
      <FacetGroup name="level" label="Ebene" formId="f" values={[{ value: "Bund", label: "Bund", count: 4 }]} selected={["EU"]} />,
    );
    expect(out).toContain("<legend>Ebene</legend>");
    expect(out).toContain('form="f"');
    expect(out).toMatch(/checked="" value="EU"/);
    expect(out).toContain("4<span class=\"visually-hidden\"> Treffer</span>");
  });
});

describe("BackendUnavailable", () => {
  it("explains the outage in German and keeps the page out of search engines", () => {
    const out = html(<BackendUnavailable />);
    expect(out).toContain("nicht erreichbar");
    expect(out).toContain('<meta name="robots" content="noindex"/>');
  });
});

function addressee(slug: string, level: Addressee["level"], state: Addressee["state"] = null): Addressee {
  return { slug, name: slug.toUpperCase(), short_name: "", level, state, paper_count: 1, papers_api_url: `/api/v1/papers/?addressee=${slug}` };
}

describe("PaperFilters", () => {
  const land = { value: "Land", label: "Land" } as const;
  const addressees = [
    addressee("stadt-leipzig", { value: "Kommune", label: "Kommune" }, { value: "DE-SN", label: "Sachsen" }),
    addressee("tmwwdg", land, { value: "DE-TH", label: "Thüringen" }),
    addressee("smwa", land, { value: "DE-SN", label: "Sachsen" }),
    addressee("bmi", { value: "Bund", label: "Bund" }),
    addressee("kom", { value: "EU", label: "EU" }),
  ];
  it("groups addressees by level, the Länder by state, in the backend's order", () => {
    expect(addresseeGroups(addressees).map(([label, options]) => [label, options.map((o) => o.value)])).toEqual([
      ["EU", ["kom"]],
      ["Bund", ["bmi"]],
      ["Sachsen", ["smwa"]],
      ["Thüringen", ["tmwwdg"]],
      ["Kommune", ["stadt-leipzig"]],
    ]);
  });
  it("offers the types and levels it is given, with the API's labels", () => {
    const out = html(
      <PaperFilters
        state={paperListState({ art: "stellungnahme" })}
        groups={[]}
        tags={[]}
        addressees={addressees}
        projects={[]}
        paperTypes={[{ value: "stellungnahme", label: "Stellungnahme" }]}
        levels={[{ value: "Bund", label: "Bund" }]}
        years={["2025"]}
      />,
    );
    expect(out).toMatch(/<option value="stellungnahme"[^>]*>Stellungnahme<\/option>/);
    expect(out).toContain('<optgroup label="Thüringen">');
    expect(out).not.toContain("Pressemitteilung");
  });
});
