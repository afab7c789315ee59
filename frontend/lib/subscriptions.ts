/** E-mail alerts without JavaScript: form fields → API body, API outcome → German result page. */

export const ALERTS_ROUTES = {
  action: "/benachrichtigungen/aktion",
  result: "/benachrichtigungen/",
  confirm: "/benachrichtigungen/bestaetigen/",
  unsubscribe: "/benachrichtigungen/abmelden/",
  manage: "/benachrichtigungen/verwalten/",
} as const;

export const FREQUENCIES = [
  { value: "sofort", label: "sofort bei jeder Veröffentlichung" },
  { value: "täglich", label: "täglich als Übersicht" },
  { value: "wöchentlich", label: "wöchentlich als Übersicht" },
] as const;

const TOPIC_FIELDS = ["working_group", "tag", "regulatory_project", "paper"] as const;
const QUERY_SINGLE = ["q", "working_group", "paper_type", "addressee", "level", "regulatory_project", "year"] as const;

/** What the result page says, by status (the route handler redirects with one of these). */
export const RESULT_MESSAGES: Record<string, { title: string; text: string }> = {
  angefragt: {
    title: "Fast geschafft",
    text: "Wenn die Angaben stimmen, kommt gleich eine E-Mail mit einem Bestätigungslink. Erst nach der Bestätigung schicken wir Benachrichtigungen.",
  },
  bestaetigt: { title: "Benachrichtigung bestätigt", text: "Danke! Ab jetzt erhalten Sie E-Mails zu diesem Thema." },
  abgemeldet: { title: "Abgemeldet", text: "Sie erhalten zu diesem Thema keine E-Mails mehr." },
  ungueltig: {
    title: "Link ungültig",
    text: "Dieser Link ist ungültig, abgelaufen oder wurde schon verwendet.",
  },
  fehler: { title: "Das hat nicht geklappt", text: "Bitte prüfen Sie die E-Mail-Adresse und versuchen Sie es erneut." },
  "zu-viele": { title: "Zu viele Anfragen", text: "Bitte versuchen Sie es später noch einmal." },
};

type Body = Record<string, unknown>;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** The body of POST /api/v1/subscriptions/ from the fields of a SubscribeForm. */
export function subscriptionBody(form: FormData): Body {
  const body: Body = { email: text(form, "email"), frequency: text(form, "frequency") };
  const website = text(form, "website");
  if (website) body.website = website;
  for (const name of TOPIC_FIELDS) {
    const value = text(form, name);
    if (value) body[name] = value;
  }
  if (text(form, "topic") === "query") {
    const query: Body = {};
    for (const name of QUERY_SINGLE) {
      const value = text(form, `query.${name}`);
      if (value) query[name] = name === "year" ? Number(value) : value;
    }
    const tags = form.getAll("query.tag").filter((v): v is string => typeof v === "string" && v !== "");
    if (tags.length) query.tag = tags;
    body.query = query;
  }
  return body;
}

/** The result page for an API status: 2xx done, 404 bad link, 429 too many, else an error. */
export function resultHref(status: number, done: string): string {
  const key = status < 300 ? done : status === 404 ? "ungueltig" : status === 429 ? "zu-viele" : "fehler";
  return `${ALERTS_ROUTES.result}?status=${key}`;
}
