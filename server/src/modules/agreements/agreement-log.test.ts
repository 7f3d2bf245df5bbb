import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agreement } from "../../../../common/agreements.ts";
import { buildTestApp, seedPeople, signIn, type TestApp, type TestOrganizations } from "../../../test/app.ts";
import { checkProofBundle, ensureLogKey, readLogEntries, signNewCheckpoint } from "../transparency/index.ts";
import { DEMO_LIBRARY, loadLibrary } from "./index.ts";

let t: TestApp;
let orgs: TestOrganizations;
let verifierKey: string;

const [loaded, base] = DEMO_LIBRARY.agreements as readonly Agreement[];
const draft: Agreement = { ...(base as Agreement), id: "es-logged-dubbing-2026", title: "Doblaje 2026", lineage: [] };
const bundleUrl = (index: number) => `/api/v1/log/bundle?index=${index}`;
const hashOf = (agreement: Agreement) =>
  `sha256:${createHash("sha256")
    .update(canonicalize(agreement) as string)
    .digest("hex")}`;

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  await loadLibrary(t.db, orgs.organizationId, { ...DEMO_LIBRARY, agreements: [loaded as Agreement] });
  const { origin } = (await t.app.inject({ method: "GET", url: "/api/v1/log/keys" })).json();
  verifierKey = await ensureLogKey(t.db, t.secretBox, origin, t.clock.now());
});
afterAll(() => t.close());

describe("agreement answers and the transparency log", () => {
  it("name the entry of the latest saved version, whose bundle checks once a checkpoint covers it", async () => {
    const officer = await signIn(t, orgs.people.officer);
    const put = (agreement: Agreement) =>
      t.app.inject({
        method: "PUT",
        url: `/api/v1/agreements/${agreement.id}`,
        headers: officer.headers,
        payload: agreement,
      });
    expect((await put(draft)).statusCode).toBe(201);
    const url = `/api/v1/agreements/${draft.id}`;
    const first = (await t.app.inject({ method: "GET", url })).json().log;
    const revised = { ...draft, title: "Doblaje 2026 (revisado)" };
    expect((await put(revised)).statusCode).toBe(200);

    const detail = await t.app.inject({ method: "GET", url });
    const { index } = detail.json().log;
    expect(detail.json().log).toEqual({ index, bundle: bundleUrl(index) });
    expect(index).toBeGreaterThan(first.index);
    const history = (await t.app.inject({ method: "GET", url: `${url}/changes` })).json();
    expect(history.changes.map((c: { action: string; log: unknown }) => [c.action, c.log])).toEqual([
      ["updated", { index, bundle: bundleUrl(index) }],
      ["created", first],
    ]);

    const early = await t.app.inject({ method: "GET", url: `${url}?proof=bundle` });
    expect(early.json().log).toEqual({ index, bundle: bundleUrl(index), proof: null });
    await signNewCheckpoint(t.db, t.secretBox, t.clock.now());
    const bundle = await t.app.inject({ method: "GET", url: bundleUrl(index) });
    expect(bundle.statusCode).toBe(200);
    await expect(checkProofBundle(bundle.body, verifierKey)).resolves.toMatchObject({ index });
    expect(JSON.parse(bundle.json().entry)).toMatchObject({
      kind: "agreement.saved",
      agreement: draft.id,
      organization: orgs.organizationId,
      action: "updated",
      content: hashOf(revised),
    });
    expect(bundle.json().entry).not.toContain(orgs.people.officer.userId);
    const inline = await t.app.inject({ method: "GET", url: `${url}?proof=bundle` });
    expect(inline.json().log.proof).toEqual(bundle.json());
  });

  it("name the entry of a version loaded by an operator, which has no recorded change", async () => {
    const url = `/api/v1/agreements/${loaded?.id}`;
    const { log } = (await t.app.inject({ method: "GET", url })).json();
    const [entry] = await readLogEntries(t.db, log.index, log.index + 1);
    expect(JSON.parse(entry?.json ?? "")).toMatchObject({
      kind: "agreement.saved",
      agreement: loaded?.id,
      action: "loaded",
      content: hashOf(loaded as Agreement),
    });
    expect((await t.app.inject({ method: "GET", url: `${url}/changes` })).json().changes).toEqual([]);
  });
});
