/**
 * Payload types of the Sprachrohr read API /api/v1, mirroring the serializers in
 * workgroups/api/serializers.py and search/api/ (contract: issues 3 and 4).
 * Fields the contract leaves open are optional; lib/mapping.ts smooths them over.
 */

export interface Choice {
  value: string;
  label: string;
}

/** A choice field as the API may send it: `{value, label}` or the bare value. */
export type ChoiceLike = Choice | string;

export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { parameter: string | null; detail: string }[];
}

export interface WorkingGroupRef {
  slug: string;
  name: string;
  url?: string;
}

export interface TagRef {
  slug: string;
  name: string;
}

export interface AddresseeRef {
  slug: string;
  name: string;
  short_name?: string;
  level: ChoiceLike;
  state?: ChoiceLike | null;
}

export interface PaperListItem {
  id: number;
  slug: string;
  citation_id: string;
  title: string;
  subtitle: string;
  summary: string;
  paper_type: ChoiceLike;
  status: ChoiceLike;
  published_at: string;
  version: string;
  working_groups: WorkingGroupRef[];
  tags: TagRef[];
  addressees: AddresseeRef[];
  url: string;
  api_url: string;
  pdf_url: string | null;
}

/** A StreamField block: `{type, value}`; rich text values are sanitised HTML. */
export interface StreamBlock {
  type: string;
  value: unknown;
  id?: string;
}

export interface Demand {
  id?: string;
  reference?: string;
  current_wording?: string;
  proposed_change: string;
  rationale?: string;
}

export interface AtAGlance {
  verdict: string;
  key_demands: (string | { text: string })[];
}

/** The value of a table block (current serializer names, and Wagtail's raw TableBlock names). */
export interface TableValue {
  caption?: string;
  first_row_is_header?: boolean;
  first_column_is_header?: boolean;
  rows?: (string | null)[][];
  table_caption?: string;
  first_row_is_table_header?: boolean;
  first_col_is_header?: boolean;
  data?: (string | null)[][];
}

export interface RegulatoryProjectRef {
  slug: string;
  title: string;
  short_title?: string;
  kind?: ChoiceLike;
  level?: ChoiceLike;
  responsible?: string;
  lobbyregister_number?: string;
  drucksache?: string;
  link?: string;
  consultation_deadline?: string | null;
  consultation_open?: boolean;
  description?: string;
  paper_count?: number;
  papers_api_url?: string;
  papers?: PaperRef[];
}

export interface Dispatch {
  addressee: AddresseeRef;
  sent_on: string;
  note?: string;
}

/** A short reference to another public paper (successor, predecessor, related). */
export interface PaperRef {
  id?: number;
  slug: string;
  title: string;
  url: string;
  api_url?: string;
  citation_id?: string;
  paper_type?: ChoiceLike;
  version?: string;
  published_at?: string;
  status?: ChoiceLike;
}

export interface OrganisationRef {
  slug: string;
  name: string;
  city?: string;
  state?: ChoiceLike;
  website?: string;
}

export interface Contact {
  name: string;
  role?: string;
  email?: string;
}

export interface VersionEntry {
  version?: string;
  version_label?: string;
  published_at: string;
}

export interface PaperDetail extends PaperListItem {
  body: StreamBlock[];
  at_a_glance: AtAGlance;
  demands: Demand[];
  regulatory_projects: RegulatoryProjectRef[];
  dispatches: Dispatch[];
  supersedes: PaperRef[] | PaperRef | null;
  superseded_by: PaperRef | null;
  signatories: OrganisationRef[];
  contact: Contact | null;
  related: (PaperRef | PaperListItem)[];
  last_published_at: string | null;
  version_history?: VersionEntry[];
  history?: VersionEntry[];
  versions?: VersionEntry[];
}

export interface Chair {
  name: string;
  role?: string;
  organisation?: { slug: string; name: string } | null;
}

export interface EventListItem {
  id?: number;
  slug: string;
  title: string;
  event_type: ChoiceLike;
  starts_at: string;
  ends_at: string | null;
  location: string;
  working_group: WorkingGroupRef | null;
  description?: string;
  registration_url?: string;
  url: string;
  api_url?: string;
}

export type EventDetail = EventListItem;

export interface WorkingGroupListItem {
  id?: number;
  slug: string;
  name?: string;
  title?: string;
  short_description: string;
  paper_count?: number;
  url: string;
  api_url?: string;
  topics?: TagRef[];
  chairs?: Chair[];
}

export interface WorkingGroupDetail extends WorkingGroupListItem {
  mission: string;
  meeting_rhythm?: string;
  contact?: Contact | null;
  contact_name?: string;
  contact_email?: string;
  member_organisations?: OrganisationRef[];
  upcoming_events?: EventListItem[];
  papers_api_url?: string;
}

export interface Organisation extends OrganisationRef {
  size_class?: ChoiceLike | null;
  sectors?: string | string[];
  working_groups?: WorkingGroupRef[];
  logo_url?: string | null;
}

export interface Addressee extends AddresseeRef {
  paper_count?: number;
  papers_api_url?: string;
}

export interface TagWithCount extends TagRef {
  paper_count?: number;
  count?: number;
  papers_api_url?: string;
}

/** `type` is one of home, working_group_index, working_group, paper, event_index, event. */
export interface PageResolution {
  id: number;
  type: string;
  slug: string;
  api_url: string | null;
  title?: string;
  url?: string;
}

/** A generic page payload (home page, index pages) from a page's api_url. */
export interface GenericPage {
  id?: number;
  type?: string;
  title: string;
  slug?: string;
  intro?: string;
  url?: string;
}

export interface SearchHighlight {
  title?: string[] | string | null;
  summary?: string[] | string | null;
  body?: string[] | null;
}

export interface SearchResult extends PaperListItem {
  score?: number | null;
  highlight?: SearchHighlight | null;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export type FacetName =
  | "working_group"
  | "paper_type"
  | "tag"
  | "addressee"
  | "level"
  | "regulatory_project"
  | "year";

export interface SearchResponse {
  count: number;
  next?: string | null;
  previous?: string | null;
  results: SearchResult[];
  facets: Partial<Record<FacetName, FacetValue[]>>;
  suggestion: string | null;
}

export interface SuggestResponse {
  suggestions?: (string | { text: string; url?: string })[];
  results?: (string | { text?: string; title?: string; url?: string })[];
}

/** The preview payload: `{type, page}` where page has the type's detail shape. */
export interface PreviewPayload {
  type: string;
  page: PaperDetail | WorkingGroupDetail | EventDetail | GenericPage;
}
