import { describe, expect, it } from "vitest";
import { resultHref, subscriptionBody } from "@/lib/subscriptions";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("subscriptionBody", () => {
  it("sends exactly the topic field of the form, trimmed", () => {
    const body = subscriptionBody(
      form([["aktion", "bestellen"], ["email", " a@example.org "], ["frequency", "täglich"], ["working_group", "software"], ["website", ""]]),
    );
    expect(body).toEqual({ email: "a@example.org", frequency: "täglich", working_group: "software" });
  });

  it("nests a saved search under query, tags repeatable and the year a number", () => {
    const body = subscriptionBody(
      form([["email", "a@example.org"], ["frequency", "sofort"], ["topic", "query"], ["query.q", "Cloud"], ["query.tag", "ki"], ["query.tag", "cloud"], ["query.year", "2025"]]),
    );
    expect(body.query).toEqual({ q: "Cloud", tag: ["ki", "cloud"], year: 2025 });
  });

  it("passes a filled honeypot on, so the API can ignore the request", () => {
    expect(subscriptionBody(form([["email", "x@example.org"], ["website", "spam"]])).website).toBe("spam");
  });
});

describe("resultHref", () => {
  it("maps the API's status to a German result page", () => {
    expect(resultHref(202, "angefragt")).toBe("/benachrichtigungen/?status=angefragt");
    expect(resultHref(404, "bestaetigt")).toBe("/benachrichtigungen/?status=ungueltig");
    expect(resultHref(429, "angefragt")).toBe("/benachrichtigungen/?status=zu-viele");
    expect(resultHref(400, "angefragt")).toBe("/benachrichtigungen/?status=fehler");
  });
});
