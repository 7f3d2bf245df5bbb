import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "./demo-users.ts";
import { demoCredentials, signInThroughApi } from "./sign-in.ts";

/** The demo officer's union, as the public list of receivers names it. */
export async function demoUnionId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/v1/reports/receivers");
  expect(response.status()).toBe(200);
  const receivers = (await response.json()) as { id: string; name: string }[];
  const union = receivers.find((receiver) => receiver.name === DEMO_USERS.officer.organization);
  expect(union, "the demo union receives reports from the first start").toBeDefined();
  return (union as { id: string }).id;
}

/** Files an anonymous violation report through the public API, as a reporter would; answers the receipt. */
export async function fileReport(
  request: APIRequestContext,
  organizationId: string,
  description: string,
  category = "unpaid_overtime",
): Promise<string> {
  const response = await request.post("/api/v1/reports", {
    data: {
      kind: "violation",
      category,
      organizationId,
      workplace: { name: "Teatro Real rehearsals", address: "Plaza de Isabel II 7", city: "Madrid", country: "ES" },
      description,
      contact: null,
      language: "en",
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { receipt: string }).receipt;
}

export async function signInAsOfficer(page: Page): Promise<void> {
  await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
}
