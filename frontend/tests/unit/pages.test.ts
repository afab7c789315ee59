import { describe, expect, it } from "vitest";
import { pageTypeEnumValues } from "@/lib/api-schema";
import { pageKind } from "@/lib/pages";

describe("pageKind", () => {
  it("has a view for every page type of the API", () => {
    expect(pageTypeEnumValues.map(pageKind)).toEqual(["home", "groupIndex", "group", "paper", "eventIndex", "event"]);
  });
});
