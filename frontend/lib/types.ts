/**
 * The API's payload types under the names the site uses. Every one is an alias of a type
 * generated from the OpenAPI schema (lib/api-schema.ts, `make types`); nothing about a
 * payload is declared by hand, and `make test` fails when the generated file is stale.
 */
import type { components, paths } from "./api-schema";

type Schemas = components["schemas"];
/** The JSON body of a successful GET of an API path. */
type Answer<P extends keyof paths> = paths[P]["get"] extends {
  responses: { 200: { content: { "application/json": infer T } } };
}
  ? T
  : never;

export type Problem = Schemas["Problem"];
export type SubscriptionOverview = Schemas["Manage"];

export type NamedRef = Schemas["NamedRef"];
export type AddresseeRef = Schemas["AddresseeRef"];
export type PaperListItem = Schemas["PaperList"];
export type PaperRef = Schemas["PaperRef"];
export type PaperDetail = Schemas["PaperDetail"];
export type BodyBlock = Schemas["BodyBlock"];
export type Demand = Schemas["Demand"];
export type DemandValue = Schemas["DemandValue"];
export type DemandImpact = Schemas["DemandImpact"];
export type ImpactSummary = Answer<"/api/v1/impact/">;
export type ImpactCounts = Schemas["Counts"];
export type TableValue = Schemas["TableValue"];

export type WorkingGroupListItem = Schemas["WorkingGroupList"];
export type WorkingGroupDetail = Schemas["WorkingGroupDetail"];
export type EventListItem = Schemas["Event"];
export type EventDetail = Schemas["Event"];
export type Organisation = Schemas["Organisation"];
export type Addressee = Schemas["Addressee"];
export type RegulatoryProject = Schemas["RegulatoryProject"];
export type Tag = Schemas["Tag"];
export type PageResolution = Schemas["PageRef"];
export type PreviewPayload = Schemas["Preview"];
export type SharedDraft = Schemas["SharedDraft"];

export type PaperStatusChoice = Schemas["PaperStatusChoice"];
export type PaperTypeChoice = Schemas["PaperTypeChoice"];
export type LevelChoice = Schemas["LevelChoice"];
export type PaperStatus = Schemas["PaperStatusEnum"];
export type PageType = Schemas["PageTypeEnum"];

export type SearchResponse = Schemas["SearchResponse"];
export type SearchClick = Schemas["SearchClick"];
export type SearchResult = Schemas["SearchResult"];
export type Facets = SearchResponse["facets"];
export type FacetName = keyof Facets;
export type FacetValue = Schemas["FacetValue"];
export type SuggestResponse = Schemas["SuggestResponse"];
export type Completion = Schemas["Completion"];

export type PaperPage = Answer<"/api/v1/papers/">;
export type WorkingGroupPage = Answer<"/api/v1/working-groups/">;
export type EventPage = Answer<"/api/v1/events/">;
export type OrganisationPage = Answer<"/api/v1/organisations/">;
export type AddresseePage = Answer<"/api/v1/addressees/">;
export type RegulatoryProjectPage = Answer<"/api/v1/regulatory-projects/">;
export type TagPage = Answer<"/api/v1/tags/">;
/** The query parameters of the paper and event lists. */
export type PaperFilters = NonNullable<paths["/api/v1/papers/"]["get"]["parameters"]["query"]>;
export type EventFilters = NonNullable<paths["/api/v1/events/"]["get"]["parameters"]["query"]>;
