import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CheckAnswer, ConsentRequest } from "../../../../common/consent.ts";
import {
  addSignedInPerson,
  buildAnotherInstance,
  buildTestApp,
  type SignedIn,
  seedPeople,
  signIn,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";
import { createOrganization, issueApiKey } from "../identity/index.ts";

let t: TestApp;
let other: FastifyInstance;
let orgs: TestOrganizations;
let studioId: string;
let member: SignedIn;
let producer: SignedIn;
let apiKey: string;

beforeAll(async () => {
  t = await buildTestApp();
  other = await buildAnotherInstance(t);
  orgs = await seedPeople(t.db, t.secretBox);
  studioId = (await createOrganization(t.db, { name: "Second Studio", kind: "producer", country: "US" })).id;
  producer = (await addSignedInPerson(t, studioId, { email: "producer@second.test", role: "producer" })).session;
  member = await signIn(t, orgs.people.member);
  apiKey = (await issueApiKey(t.db, studioId, "pipeline", null)).secret;
});
afterAll(async () => {
  await other.close();
  await t.close();
});

async function checkOn(app: FastifyInstance, assetId: string): Promise<CheckAnswer> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/consent/check",
    headers: { authorization: `Bearer ${apiKey}` },
    payload: {
      items: [
        {
          asset: { assetId },
          useType: "training",
          generative: true,
          territory: "FR",
          date: "2027-01-01",
          medium: "web",
        },
      ],
    },
  });
  return response.json<{ answers: CheckAnswer[] }>().answers[0] as CheckAnswer;
}

describe("consent decisions on several server instances", () => {
  it("reach every instance through the database's notifications: a new asset, a grant, a withdrawal, a strike", async () => {
    const post = (url: string, headers: Record<string, string>, payload: object) =>
      t.app.inject({ method: "POST", url, headers, payload });
    const asset = await post(`/api/v1/organizations/${orgs.organizationId}/consent/assets`, member.headers, {
      kind: "work",
      workKind: "text",
      title: "Collected essays",
    });
    const assetId = asset.json<{ id: string }>().id;
    await vi.waitFor(async () => expect((await checkOn(other, assetId)).reason).toBe("no_consent"), { timeout: 5000 });

    const request = await post(`/api/v1/organizations/${studioId}/consent/requests`, producer.headers, {
      asset: { assetId },
      agreementId: null,
      scope: {
        useTypes: ["training"],
        generative: true,
        project: null,
        media: ["any"],
        territories: ["WORLD"],
        from: "2026-12-01",
        to: "2027-12-31",
      },
      terms: { fee: { amount: "300", currency: "EUR" }, royaltyPercent: null, credit: null },
      startsAt: "2026-12-01T00:00:00Z",
    });
    const requestId = request.json<ConsentRequest>().id;
    await post(`/api/v1/consent/requests/${requestId}/answer`, member.headers, { decision: "grant" });
    await vi.waitFor(async () => expect((await checkOn(other, assetId)).permitted).toBe(true), { timeout: 5000 });

    await post(`/api/v1/consent/requests/${requestId}/withdraw`, member.headers, {});
    expect(await checkOn(t.app, assetId)).toMatchObject({ permitted: false, status: "ConsentWithdrawn" });
    await vi.waitFor(
      async () => expect(await checkOn(other, assetId)).toMatchObject({ permitted: false, status: "ConsentWithdrawn" }),
      {
        timeout: 5000,
      },
    );
  });

  it("suspends consents everywhere during a strike", async () => {
    const officer = await signIn(t, orgs.people.officer);
    const strike = (onStrike: boolean) =>
      t.app.inject({
        method: "PUT",
        url: `/api/v1/organizations/${orgs.organizationId}/consent/strike`,
        headers: officer.headers,
        payload: { onStrike },
      });
    const asset = await t.app.inject({
      method: "POST",
      url: `/api/v1/organizations/${orgs.organizationId}/consent/assets`,
      headers: member.headers,
      payload: { kind: "work", workKind: "image", title: "Poster", permittedUses: ["training"] },
    });
    const assetId = asset.json<{ id: string }>().id;
    await vi.waitFor(async () => expect((await checkOn(other, assetId)).permitted).toBe(true), { timeout: 5000 });
    await strike(true);
    await vi.waitFor(async () => expect((await checkOn(other, assetId)).reason).toBe("suspended"), { timeout: 5000 });
    await strike(false);
    await vi.waitFor(async () => expect((await checkOn(other, assetId)).permitted).toBe(true), { timeout: 5000 });
  });
});
