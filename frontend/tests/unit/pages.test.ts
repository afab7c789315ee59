import { describe, expect, it } from "vitest";
import { pageKind } from "@/lib/pages";

describe("pageKind", () => {
  it("maps the API's page types (and model names) to views", () => {
    expect(pageKind("paper")).toBe("paper");
    expect(pageKind("working_group")).toBe("group");
    expect(pageKind("working_group_index")).toBe("groupIndex");
    expect(pageKind("event")).toBe("event");
    expect(pageKind("event_index")).toBe("eventIndex");
    expect(pageKind("home")).toBe("home");
    expect(pageKind("workgroups.positionpaperpage")).toBe("paper");
    expect(pageKind("workgroups.WorkingGroupPage")).toBe("group");
    expect(pageKind("workgroups.minutespage")).toBe("unknown");
    expect(pageKind(undefined)).toBe("unknown");
  });
});
