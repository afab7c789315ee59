/** Loading a Wagtail page for a frontend path (or a preview payload) into what its view needs. */
import "server-only";

import { api } from "./api";
import type {
  EventDetail,
  EventListItem,
  PageResolution,
  PageType,
  PaperDetail,
  PaperListItem,
  PreviewPayload,
  WorkingGroupDetail,
  WorkingGroupListItem,
} from "./types";

export type PageKind = "paper" | "group" | "groupIndex" | "event" | "eventIndex" | "home";

const PAGE_KINDS: Record<PageType, PageKind> = {
  paper: "paper",
  working_group: "group",
  working_group_index: "groupIndex",
  event: "event",
  event_index: "eventIndex",
  home: "home",
};

/** The view for a page type of the API. */
export function pageKind(type: PageType): PageKind {
  return PAGE_KINDS[type];
}

export type LoadedPage =
  | { kind: "paper"; path: string; paper: PaperDetail }
  | {
      kind: "group";
      path: string;
      group: WorkingGroupDetail;
      papers: PaperListItem[];
      paperCount: number;
      events: EventListItem[];
    }
  | { kind: "groupIndex"; path: string; title: string; groups: WorkingGroupListItem[] }
  | { kind: "event"; path: string; event: EventDetail }
  | { kind: "eventIndex"; path: string; title: string; upcoming: EventListItem[]; past: EventListItem[] };

async function groupExtras(group: WorkingGroupDetail) {
  const papers = await api.papers({ working_group: group.slug, page_size: 10, ordering: "-published_at" });
  return { papers: papers.results, paperCount: papers.count, events: group.upcoming_events.slice(0, 5) };
}

async function eventLists() {
  const [upcoming, all] = await Promise.all([
    api.events({ upcoming: true, page_size: 50 }),
    api.events({ page_size: 100 }),
  ]);
  const now = Date.now();
  const past = all.results
    .filter((e) => new Date(e.ends_at ?? e.starts_at).getTime() < now)
    .sort((a, b) => (a.starts_at < b.starts_at ? 1 : -1));
  return { upcoming: upcoming.results, past };
}

/** Load the page a path resolves to; `null` when it is not public or not a page we render. */
export async function loadPage(path: string, resolution: PageResolution): Promise<LoadedPage | null> {
  const kind = pageKind(resolution.type);
  switch (kind) {
    case "paper": {
      const paper = await api.paper(resolution.slug);
      return paper ? { kind, path, paper } : null;
    }
    case "group": {
      const group = await api.workingGroup(resolution.slug);
      return group ? { kind, path, group, ...(await groupExtras(group)) } : null;
    }
    case "groupIndex": {
      const groups = await api.workingGroups();
      return { kind, path, title: resolution.title, groups: groups.results };
    }
    case "event": {
      const event = resolution.api_url ? await api.event(resolution.api_url) : null;
      return event ? { kind, path, event } : null;
    }
    case "eventIndex": {
      return { kind, path, title: resolution.title, ...(await eventLists()) };
    }
    default:
      return null;
  }
}

/** Complete a preview payload (the detail shape of its page type) into a loaded page. */
export async function loadPreview(answer: PreviewPayload): Promise<LoadedPage | null> {
  const path = answer.page.url;
  // The page has the detail shape of `answer.type` (PreviewPageField in the backend).
  switch (pageKind(answer.type)) {
    case "paper":
      return { kind: "paper", path, paper: answer.page as PaperDetail };
    case "group": {
      const group = answer.page as WorkingGroupDetail;
      return { kind: "group", path, group, ...(await groupExtras(group)) };
    }
    case "event":
      return { kind: "event", path, event: answer.page as EventDetail };
    case "groupIndex": {
      const groups = await api.workingGroups();
      return { kind: "groupIndex", path, title: (answer.page as PageResolution).title, groups: groups.results };
    }
    case "eventIndex":
      return { kind: "eventIndex", path, title: (answer.page as PageResolution).title, ...(await eventLists()) };
    default:
      return null;
  }
}
