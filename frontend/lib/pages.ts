/** Loading a Wagtail page for a frontend path (or a preview payload) into what its view needs. */
import "server-only";

import { api } from "./api";
import { pagePath } from "./mapping";
import type {
  EventDetail,
  EventListItem,
  PageResolution,
  PaperDetail,
  PaperListItem,
  PreviewPayload,
  WorkingGroupDetail,
  WorkingGroupListItem,
} from "./types";

export type PageKind = "paper" | "group" | "groupIndex" | "event" | "eventIndex" | "home" | "unknown";

/** The kind of page for an API type name ("workgroups.PositionPaperPage", "positionpaperpage", …). */
export function pageKind(type: string | undefined | null): PageKind {
  const name = (type ?? "").split(".").pop()?.toLowerCase().replace(/[^a-z]/g, "") ?? "";
  switch (name) {
    case "positionpaperpage":
    case "positionpaper":
    case "paper":
      return "paper";
    case "workinggrouppage":
    case "workinggroup":
      return "group";
    case "workinggroupindexpage":
    case "workinggroupindex":
      return "groupIndex";
    case "eventpage":
    case "event":
      return "event";
    case "eventindexpage":
    case "eventindex":
      return "eventIndex";
    case "homepage":
    case "home":
      return "home";
    default:
      return "unknown";
  }
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
  | { kind: "groupIndex"; path: string; title: string; intro?: string; groups: WorkingGroupListItem[] }
  | { kind: "event"; path: string; event: EventDetail }
  | { kind: "eventIndex"; path: string; title: string; intro?: string; upcoming: EventListItem[]; past: EventListItem[] };

async function groupExtras(group: WorkingGroupDetail) {
  const [papers, events] = await Promise.all([
    api.papers({ working_group: group.slug, page_size: 10, ordering: "-published_at" }),
    group.upcoming_events
      ? Promise.resolve(group.upcoming_events)
      : api.events({ working_group: group.slug, upcoming: true, page_size: 5 }).then((r) => r.results),
  ]);
  return { papers: papers.results, paperCount: papers.count, events: events.slice(0, 5) };
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
      return { kind, path, title: resolution.title || "Arbeitskreise", groups: groups.results };
    }
    case "event": {
      const event = await api.event(resolution.api_url ?? `/api/v1/events/${encodeURIComponent(resolution.slug)}/`);
      return event ? { kind, path, event } : null;
    }
    case "eventIndex": {
      return { kind, path, title: resolution.title || "Veranstaltungen", ...(await eventLists()) };
    }
    default:
      return null;
  }
}

/** Complete a preview payload (the detail shape of its page type) into a loaded page. */
export async function loadPreview(contentType: string, answer: PreviewPayload): Promise<LoadedPage | null> {
  const payload = (answer.page ?? answer) as unknown as Record<string, unknown>;
  const kind = pageKind(answer.type || contentType);
  const path = pagePath((payload.url as string | undefined) ?? "/");
  switch (kind) {
    case "paper":
      return { kind, path, paper: payload as unknown as PaperDetail };
    case "group": {
      const group = payload as unknown as WorkingGroupDetail;
      return { kind, path, group, ...(await groupExtras(group)) };
    }
    case "event":
      return { kind, path, event: payload as unknown as EventDetail };
    case "groupIndex": {
      const groups = await api.workingGroups();
      return { kind, path, title: (payload.title as string) || "Arbeitskreise", intro: payload.intro as string | undefined, groups: groups.results };
    }
    case "eventIndex":
      return { kind, path, title: (payload.title as string) || "Veranstaltungen", intro: payload.intro as string | undefined, ...(await eventLists()) };
    default:
      return null;
  }
}
