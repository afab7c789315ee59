/** "Benachrichtigen": an e-mail alert form that works without JavaScript (a plain POST). */
import { ALERTS_ROUTES, FREQUENCIES } from "@/lib/subscriptions";

export type SubscribeTopic =
  | { working_group: string }
  | { tag: string }
  | { regulatory_project: string }
  | { paper: string }
  | { query: Record<string, string | string[] | undefined> };

export function SubscribeForm({
  id,
  topic,
  title,
  what,
  heading = 2,
}: {
  id: string;
  topic: SubscribeTopic;
  title?: string;
  what: string;
  /** The heading level of the title; null: none (inside a disclosure that names it). */
  heading?: 2 | 3 | 4 | null;
}) {
  const Heading = heading ? (`h${heading}` as const) : null;
  const hidden: [string, string][] = [];
  if ("query" in topic) {
    hidden.push(["topic", "query"]);
    for (const [name, value] of Object.entries(topic.query)) {
      for (const item of Array.isArray(value) ? value : value ? [value] : []) hidden.push([`query.${name}`, item]);
    }
  } else {
    for (const [name, value] of Object.entries(topic)) hidden.push([name, value]);
  }
  return (
    <form
      className="subscribe"
      method="post"
      action={ALERTS_ROUTES.action}
      aria-labelledby={Heading ? `${id}-title` : undefined}
      aria-label={Heading ? undefined : `${title ?? "Benachrichtigen"}: ${what}`}
    >
      {Heading ? (
        <Heading id={`${id}-title`} className="subscribe__title">
          {title ?? "Benachrichtigen"}
        </Heading>
      ) : null}
      <p className="small">E-Mail bei neuen Veröffentlichungen zu {what}. Sie bestätigen per Link; abmelden jederzeit mit einem Klick.</p>
      <input type="hidden" name="aktion" value="bestellen" />
      {hidden.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={`${id}-email`}>E-Mail-Adresse</label>
      <input id={`${id}-email`} name="email" type="email" required autoComplete="email" />
      <label htmlFor={`${id}-frequency`}>Wie oft?</label>
      <select id={`${id}-frequency`} name="frequency" defaultValue="sofort">
        {FREQUENCIES.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      {/* Left empty by people (hidden from them); bots that fill it are ignored by the API. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor={`${id}-website`}>Website (bitte leer lassen)</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="button">
        Benachrichtigen
      </button>
    </form>
  );
}
