/** A link to the Atom feed (optionally filtered by working group, tag or Regelungsvorhaben). */
import { hrefWith } from "@/lib/mapping";
import { ROUTES } from "@/lib/site";

export function FeedLink({
  workingGroup,
  tag,
  regulatoryProject,
  label,
}: {
  workingGroup?: string;
  tag?: string;
  regulatoryProject?: string;
  label?: string;
}) {
  const href = hrefWith(ROUTES.feed, { working_group: workingGroup, tag, regulatory_project: regulatoryProject });
  return (
    <a href={href} type="application/atom+xml" className="small">
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ marginRight: 6, verticalAlign: "-1px" }}>
        <rect width="16" height="16" rx="3" fill="#c25400" />
        <circle cx="4.5" cy="11.5" r="1.6" fill="#fff" />
        <path d="M3 7a6 6 0 0 1 6 6M3 3.5a9.5 9.5 0 0 1 9.5 9.5" stroke="#fff" strokeWidth="1.8" fill="none" />
      </svg>
      {label ?? "Atom-Feed abonnieren"}
    </a>
  );
}
