import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CheckAnswer,
  ConsentReceipt,
  ConsentRecord,
  ConsentRequest,
  ConsentRequestInput,
} from "../../../../common/consent.ts";
import {
  addSignedInPerson,
  buildTestApp,
  type SignedIn,
  seedPeople,
  signIn,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";
import { DEMO_LIBRARY, loadLibrary } from "../agreements/index.ts";
import { createOrganization, issueApiKey } from "../identity/index.ts";
import { checkProofBundle, ensureLogKey, signNewCheckpoint } from "../transparency/index.ts";

const AGREEMENT = "us-sag-aftra-tv-theatrical-2023";
const ORIGIN = "guildhall.test/log";
const HOUR = 3_600_000;

let t: TestApp;
let orgs: TestOrganizations;
let studioId: string;
let member: SignedIn;
let producer: SignedIn;
let apiKey: string;
let verifierKey: string;

beforeAll(async () => {
  t = await buildTestApp({ GUILDHALL_LOG_ORIGIN: ORIGIN });
  orgs = await seedPeople(t.db, t.secretBox);
  await loadLibrary(t.db, orgs.organizationId, {
    ...DEMO_LIBRARY,
    agreements: DEMO_LIBRARY.agreements.filter((a) => a.id === AGREEMENT),
  });
  const studio = await createOrganization(t.db, { name: "Harbour Studio", kind: "producer", country: "US" });
  studioId = studio.id;
  producer = (await addSignedInPerson(t, studioId, { email: "producer@studio.test", role: "producer" })).session;
  member = await signIn(t, orgs.people.member);
  apiKey = (await issueApiKey(t.db, studioId, "pipeline", null)).secret;
  verifierKey = await ensureLogKey(t.db, t.secretBox, ORIGIN, t.clock.now());
});
afterAll(() => t.close());

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: "POST", url, headers, payload: payload as object });

async function registerVoice(): Promise<string> {
  const response = await post(`/api/v1/organizations/${orgs.organizationId}/consent/assets`, member.headers, {
    kind: "attribute",
    attribute: "voice",
    title: "My speaking and singing voice",
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/** A new voice asset and a valid replica request for it, not answered yet. */
async function voiceRequested(): Promise<{ voice: string; requestId: string }> {
  const voice = await registerVoice();
  const created = await post(
    `/api/v1/organizations/${studioId}/consent/requests`,
    producer.headers,
    replicaRequest(voice, 72),
  );
  return { voice, requestId: created.json<ConsentRequest>().id };
}

function replicaRequest(assetId: string, noticeHours: number): ConsentRequestInput {
  return {
    asset: { assetId },
    agreementId: AGREEMENT,
    scope: {
      useTypes: ["digital_replica_employment"],
      generative: true,
      project: "Harbour Lights",
      media: ["film"],
      territories: ["US"],
      from: "2026-12-01",
      to: "2027-12-31",
    },
    terms: { fee: { amount: "5000.00", currency: "USD" }, royaltyPercent: null, credit: "Voice by the member" },
    startsAt: new Date(t.clock.now().getTime() + noticeHours * HOUR).toISOString(),
  };
}

async function check(items: object[], key = apiKey) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/consent/check",
    headers: { authorization: `Bearer ${key}` },
    payload: { items },
  });
}

const checkItem = (assetId: string, project: string) => ({
  asset: { assetId },
  useType: "digital_replica_employment",
  generative: true,
  territory: "US",
  date: "2027-03-01",
  project,
  medium: "film",
});

async function verifiedEntry(index: number): Promise<{ kind: string; status?: string }> {
  t.clock.advance(1000);
  await signNewCheckpoint(t.db, t.secretBox, t.clock.now());
  const response = await t.app.inject({ method: "GET", url: `/api/v1/log/bundle?index=${index}` });
  expect(response.statusCode, response.body).toBe(200);
  await expect(checkProofBundle(response.body, verifierKey)).resolves.toMatchObject({ index });
  return JSON.parse(response.json<{ entry: string }>().entry);
}

describe("consent: request, refusal under the agreement, grant, check, withdrawal", () => {
  it("refuses 24 hours' notice where the agreement demands 48, grants the corrected request for one project, and the API obeys", async () => {
    const voice = await registerVoice();
    const requestsUrl = `/api/v1/organizations/${studioId}/consent/requests`;

    const short = await post(requestsUrl, producer.headers, replicaRequest(voice, 24));
    expect(short.statusCode, short.body).toBe(201);
    const refused = short.json<ConsentRequest>();
    expect(refused.status).toBe("ConsentInvalidated");
    expect(refused.problems.filter((p) => p.outcome === "refuse")).toEqual([
      expect.objectContaining({
        outcome: "refuse",
        rule: "notice",
        required: "48 h",
        offered: "24 h",
        clause: expect.objectContaining({ agreementId: AGREEMENT, code: "AI.NOTICE" }),
      }),
    ]);
    expect(await verifiedEntry(refused.log?.index as number)).toMatchObject({
      kind: "consent.request.refused",
      status: "ConsentInvalidated",
    });
    const emptyInbox = await t.app.inject({ method: "GET", url: "/api/v1/consent/inbox", headers: member.headers });
    expect(emptyInbox.json<{ requests: ConsentRequest[] }>().requests).toEqual([]);

    const corrected = await post(requestsUrl, producer.headers, replicaRequest(voice, 49));
    const reaching = corrected.json<ConsentRequest>();
    expect(reaching.status).toBe("ConsentRequested");
    // Pay set per day worked or in words cannot be compared with a fee: flagged for the union, not refused.
    expect(new Set(reaching.problems.map((p) => `${p.outcome} ${p.rule} ${p.clause.code}`))).toEqual(
      new Set(["flag pay_unclear AI.COMP.CREATE", "flag pay_unclear AI.COMP.USE"]),
    );
    const inbox = await t.app.inject({ method: "GET", url: "/api/v1/consent/inbox", headers: member.headers });
    const [pending] = inbox.json<{ requests: ConsentRequest[] }>().requests;
    expect(pending).toMatchObject({ assetId: voice, requesterName: "Harbour Studio", status: "ConsentRequested" });

    expect(
      (await check([checkItem(voice, "Harbour Lights")])).json<{ answers: CheckAnswer[] }>().answers[0],
    ).toMatchObject({
      permitted: false,
      reason: "no_consent",
    });

    const granted = await post(`/api/v1/consent/requests/${pending?.id}/answer`, member.headers, { decision: "grant" });
    expect(granted.statusCode, granted.body).toBe(200);
    const grant = granted.json<ConsentRequest>().grant;
    expect(grant).toMatchObject({ status: "ConsentGiven" });
    expect(await verifiedEntry(grant?.log?.index as number)).toMatchObject({
      kind: "consent.given",
      status: "ConsentGiven",
    });

    const recordUrl = `/api/v1/consent/requests/${pending?.id}/record?proof=bundle`;
    const mine = await t.app.inject({ method: "GET", url: recordUrl, headers: member.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    const { record, receipt } = mine.json<{ record: ConsentRecord; receipt: ConsentReceipt }>();
    expect(record).toMatchObject({
      schema_version: "ISO/IEC TS 27560:2023",
      record_id: grant?.id,
      pii_principal_id: `urn:guildhall:member:${orgs.people.member.userId}`,
      processing: { pii_controllers: ["Harbour Studio"], lawful_basis: "dpv:Consent", service: "Harbour Lights" },
    });
    expect(record.events.map((e) => [e.event_type, e.event_state])).toEqual([
      ["requested", "ConsentRequested"],
      ["grant", "ConsentGiven"],
    ]);
    const given = record.events[1]?.log;
    expect(given?.index).toBe(grant?.log?.index);
    await expect(checkProofBundle(JSON.stringify(given?.proof), verifierKey)).resolves.toMatchObject({
      index: given?.index,
    });
    expect(receipt).toMatchObject({
      version: "KI-CR-v1.1.0",
      consentReceiptID: grant?.id,
      sensitive: true,
      spiCat: ["biometric"],
    });
    const theirs = await t.app.inject({ method: "GET", url: recordUrl, headers: producer.headers });
    expect(theirs.json<{ record: ConsentRecord }>().record.pii_principal_id).toBe(`urn:guildhall:asset:${voice}`);
    expect(theirs.body).not.toContain(orgs.people.member.userId);
    const stranger = await signIn(t, orgs.people.developer);
    expect((await t.app.inject({ method: "GET", url: recordUrl, headers: stranger.headers })).statusCode).toBe(404);

    const answers = (await check([checkItem(voice, "Harbour Lights"), checkItem(voice, "Another Film")])).json<{
      answers: CheckAnswer[];
    }>().answers;
    expect(answers[0]).toMatchObject({ permitted: true, reason: "grant", status: "ConsentGiven", grantId: grant?.id });
    expect(answers[0]?.terms?.fee).toEqual({ amount: "5000.00", currency: "USD" });
    expect(answers[1]).toMatchObject({ permitted: false, reason: "no_consent", terms: null });

    const withdrawn = await post(`/api/v1/consent/requests/${pending?.id}/withdraw`, member.headers, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = (await check([checkItem(voice, "Harbour Lights")])).json<{ answers: CheckAnswer[] }>().answers[0];
    expect(after).toMatchObject({ permitted: false, reason: "consent_invalid", status: "ConsentWithdrawn" });
    expect(await verifiedEntry(after?.log?.index as number)).toMatchObject({
      kind: "consent.withdrawn",
      status: "ConsentWithdrawn",
    });
  });

  it("suspends the union's members' consents during a strike, and lifts it after", async () => {
    const { voice, requestId } = await voiceRequested();
    await post(`/api/v1/consent/requests/${requestId}/answer`, member.headers, { decision: "grant" });
    const officer = await signIn(t, orgs.people.officer);
    const strikeUrl = `/api/v1/organizations/${orgs.organizationId}/consent/strike`;
    const strike = await t.app.inject({
      method: "PUT",
      url: strikeUrl,
      headers: officer.headers,
      payload: { onStrike: true },
    });
    expect(strike.json()).toMatchObject({ onStrike: true, log: { index: expect.any(Number) } });
    expect(
      (await check([checkItem(voice, "Harbour Lights")])).json<{ answers: CheckAnswer[] }>().answers[0],
    ).toMatchObject({
      permitted: false,
      reason: "suspended",
    });
    await t.app.inject({ method: "PUT", url: strikeUrl, headers: officer.headers, payload: { onStrike: false } });
    expect(
      (await check([checkItem(voice, "Harbour Lights")])).json<{ answers: CheckAnswer[] }>().answers[0],
    ).toMatchObject({
      permitted: true,
    });
  });
});

describe("consent: works found by their content", () => {
  it("fingerprints an uploaded text, registers it, and finds a reformatted copy by fingerprint", async () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i % 97} line${i % 13}`).join(" ");
    const upload = (text: string, kind = "text") =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/consent/fingerprints?kind=${kind}`,
        headers: { ...member.headers, "content-type": "application/octet-stream" },
        payload: Buffer.from(text, "utf8"),
      });
    const original = await upload(words);
    expect(original.statusCode, original.body).toBe(200);
    const prints = original.json<{ sha256: string; fingerprint: string; method: string }>();
    expect(prints).toMatchObject({ method: "simhash-text-v1", fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const registered = await post(`/api/v1/organizations/${orgs.organizationId}/consent/assets`, member.headers, {
      kind: "work",
      workKind: "text",
      title: "Word study",
      sha256: prints.sha256,
      fingerprint: prints.fingerprint,
      permittedUses: ["inference"],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const copy = (await upload(words.toUpperCase().replaceAll(" line", "\nLine"))).json<{
      sha256: string;
      fingerprint: string;
    }>();
    expect(copy.sha256).not.toBe(prints.sha256);
    const [answer] = (
      await check([
        {
          asset: { fingerprint: copy.fingerprint },
          useType: "inference",
          generative: false,
          territory: "FR",
          date: "2027-01-01",
        },
      ])
    ).json<{ answers: CheckAnswer[] }>().answers;
    expect(answer).toMatchObject({ permitted: true, reason: "policy", assetId: registered.json<{ id: string }>().id });

    const notAPicture = await upload("just words", "image");
    expect(notAPicture.statusCode).toBe(400);
    expect(notAPicture.json().error.message).toMatch(/JPEG, PNG or WebP/);
  });
});

describe("consent: bad input and the wrong caller change nothing", () => {
  it("refuses malformed identifiers with the field named, and registers nothing", async () => {
    const url = `/api/v1/organizations/${orgs.organizationId}/consent/assets`;
    const before = await t.app.inject({ method: "GET", url, headers: member.headers });
    const response = await post(url, member.headers, {
      kind: "work",
      workKind: "audio",
      title: "Song",
      identifiers: [{ scheme: "isrc", value: "not-an-isrc" }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ path: "body.identifiers.0.value", message: expect.stringContaining("ISRC") }),
    ]);
    const after = await t.app.inject({ method: "GET", url, headers: member.headers });
    expect(after.json().assets).toHaveLength(before.json().assets.length);
  });

  it("refuses oversized batches, bad items, a wrong key and a person's session", async () => {
    const item = checkItem("00000000-0000-4000-8000-000000000001", "X");
    expect((await check(Array.from({ length: 10_001 }, () => item))).statusCode).toBe(400);
    const bad = await check([{ ...item, territory: "Narnia" }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toContain("territory");
    for (const asset of [{}, { assetId: item.asset.assetId, sha256: "ab".repeat(32) }, { isbn: "978" }]) {
      const ambiguous = await check([{ ...item, asset }]);
      expect(ambiguous.statusCode, JSON.stringify(asset)).toBe(400);
      expect(ambiguous.json().error.fields[0].path).toContain("asset");
    }
    expect((await check([item], `${apiKey.slice(0, -4)}AAAA`)).statusCode).toBe(401);
    const asMember = await t.app.inject({
      method: "POST",
      url: "/api/v1/consent/check",
      headers: member.headers,
      payload: { items: [item] },
    });
    expect(asMember.statusCode).toBe(403);
  });

  it("keeps each organization's requests and each member's decisions to themselves", async () => {
    const { voice, requestId } = await voiceRequested();
    const rival = await signIn(t, orgs.outsiderAdmin);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/organizations/${studioId}/consent/requests`,
          headers: rival.headers,
        })
      ).statusCode,
    ).toBe(404);
    const otherMember = await addSignedInPerson(t, orgs.organizationId, {
      email: "other-member@test.guildhall.test",
      role: "member",
    });
    const hijack = await post(`/api/v1/consent/requests/${requestId}/answer`, otherMember.session.headers, {
      decision: "grant",
    });
    expect(hijack.statusCode).toBe(404);
    const widened = await post(`/api/v1/consent/requests/${requestId}/answer`, member.headers, {
      decision: "grant",
      scope: { ...replicaRequest(voice, 72).scope, territories: ["WORLD"] },
    });
    expect(widened.statusCode).toBe(400);
    expect(
      (await post(`/api/v1/consent/requests/${requestId}/answer`, member.headers, { decision: "decline" })).statusCode,
    ).toBe(200);
    expect(
      (await post(`/api/v1/consent/requests/${requestId}/answer`, member.headers, { decision: "grant" })).statusCode,
    ).toBe(409);
    const unknownAgreement = await post(`/api/v1/organizations/${studioId}/consent/requests`, producer.headers, {
      ...replicaRequest(voice, 72),
      agreementId: "no-such-agreement",
    });
    expect(unknownAgreement.statusCode).toBe(400);
  });
});
