import { describe, expect, it } from "vitest";
import type { CheckItem, Scope } from "../../../../common/consent.ts";
import { DecisionIndex, hammingDistance, type IndexedAsset, type IndexedGrant } from "./decision-index.ts";

const UNION = "00000000-0000-4000-8000-00000000000a";
const PRODUCER = "00000000-0000-4000-8000-00000000000b";
const OTHER_PRODUCER = "00000000-0000-4000-8000-00000000000c";
const VOICE = "10000000-0000-4000-8000-000000000001";
const SONG = "10000000-0000-4000-8000-000000000002";

const asset = (over: Partial<IndexedAsset> = {}): IndexedAsset => ({
  id: VOICE,
  organizationId: UNION,
  identifiers: [],
  sha256: null,
  fingerprint: null,
  permittedUses: [],
  ...over,
});

const SCOPE: Scope = {
  useTypes: ["digital_replica_employment"],
  generative: true,
  project: "Harbour Lights",
  media: ["film"],
  territories: ["FR", "BE"],
  from: "2027-01-01",
  to: "2027-12-31",
};

const grant = (over: Partial<IndexedGrant> = {}): IndexedGrant => ({
  id: "20000000-0000-4000-8000-000000000001",
  assetId: VOICE,
  requesterId: PRODUCER,
  scope: SCOPE,
  terms: { fee: { amount: "1500.00", currency: "EUR" }, royaltyPercent: null, credit: null },
  status: "ConsentGiven",
  logIndex: 41,
  ...over,
});

const item = (over: Partial<CheckItem> = {}): CheckItem => ({
  asset: { assetId: VOICE },
  useType: "digital_replica_employment",
  generative: true,
  territory: "FR",
  date: "2027-06-01",
  project: "Harbour Lights",
  medium: "film",
  ...over,
});

describe("the decision index", () => {
  it("says no by default: unknown assets, and known ones nobody consented for", () => {
    const index = new DecisionIndex();
    expect(index.check(PRODUCER, item())).toMatchObject({ permitted: false, reason: "unknown_asset" });
    index.putAsset(asset());
    expect(index.check(PRODUCER, item())).toMatchObject({ permitted: false, reason: "no_consent", assetId: VOICE });
  });

  it("permits exactly the granted scope, to the requester it was granted to, with its terms and log entry", () => {
    const index = new DecisionIndex();
    index.putAsset(asset());
    index.putGrant(grant());
    expect(index.check(PRODUCER, item())).toEqual({
      permitted: true,
      reason: "grant",
      status: "ConsentGiven",
      assetId: VOICE,
      grantId: grant().id,
      terms: grant().terms,
      log: { index: 41, bundle: "/api/v1/log/bundle?index=41" },
    });
    const refusals: Partial<CheckItem>[] = [
      { project: "Another Film" },
      { project: undefined },
      { useType: "training" },
      { territory: "DE" },
      { date: "2028-01-01" },
      { date: "2026-12-31" },
      { medium: "games" },
      { medium: undefined },
    ];
    for (const change of refusals) {
      expect(index.check(PRODUCER, item(change)), JSON.stringify(change)).toMatchObject({
        permitted: false,
        reason: "no_consent",
        terms: null,
      });
    }
    expect(index.check(OTHER_PRODUCER, item())).toMatchObject({
      permitted: false,
      reason: "no_consent",
      grantId: null,
    });
  });

  it("says no as soon as a grant is withdrawn, and names the DPV status", () => {
    const index = new DecisionIndex();
    index.putAsset(asset());
    index.putGrant(grant());
    index.putGrant(grant({ status: "ConsentWithdrawn", logIndex: 42 }));
    expect(index.check(PRODUCER, item())).toMatchObject({
      permitted: false,
      reason: "consent_invalid",
      status: "ConsentWithdrawn",
      terms: null,
      log: { index: 42 },
    });
    index.removeGrant(grant().id);
    expect(index.check(PRODUCER, item())).toMatchObject({ permitted: false, reason: "no_consent" });
  });

  it("suspends every consent of a member whose union is on strike, and lifts it after", () => {
    const index = new DecisionIndex();
    index.putAsset(asset());
    index.putGrant(grant());
    index.setStrike(UNION, true);
    expect(index.check(PRODUCER, item())).toMatchObject({ permitted: false, reason: "suspended" });
    index.setStrike(UNION, false);
    expect(index.check(PRODUCER, item())).toMatchObject({ permitted: true });
  });

  it("lets an asset's own policy permit a use, for anyone", () => {
    const index = new DecisionIndex();
    index.putAsset(asset({ permittedUses: ["inference"] }));
    expect(index.check(OTHER_PRODUCER, item({ useType: "inference" }))).toMatchObject({
      permitted: true,
      reason: "policy",
    });
    expect(index.check(OTHER_PRODUCER, item({ useType: "training" }))).toMatchObject({ permitted: false });
  });

  it("finds works by identifier however typed, by SHA-256, and by a fingerprint within 3 bits", () => {
    const index = new DecisionIndex();
    index.putAsset(
      asset({
        id: SONG,
        identifiers: [
          { scheme: "isrc", value: "USS1Z9900001" },
          { scheme: "url", value: "https://example.org/songs/1" },
        ],
        sha256: "ab".repeat(32),
        fingerprint: "0123456789abcdef",
        permittedUses: ["inference"],
      }),
    );
    const found = (reference: CheckItem["asset"]) => index.resolve(reference).map((a) => a.id);
    expect(found({ identifier: { scheme: "isrc", value: "us-s1z-99-00001" } })).toEqual([SONG]);
    expect(found({ identifier: { scheme: "url", value: "https://EXAMPLE.org:443/songs/1#chorus" } })).toEqual([SONG]);
    expect(found({ identifier: { scheme: "isrc", value: "not an isrc" } })).toEqual([]);
    expect(found({ sha256: "ab".repeat(32) })).toEqual([SONG]);
    expect(found({ fingerprint: "0123456789abcdee" })).toEqual([SONG]);
    expect(found({ fingerprint: "f123456789abcdef" })).toEqual([]);
    expect(found({ fingerprint: "1022456789abcdef" })).toEqual([SONG]);
    index.removeAsset(SONG);
    expect(found({ sha256: "ab".repeat(32) })).toEqual([]);
    expect(found({ fingerprint: "0123456789abcdef" })).toEqual([]);
  });

  it("needs every asset a name matches to permit the use, and then names none of them", () => {
    const index = new DecisionIndex();
    const url = { scheme: "url" as const, value: "https://example.org/a" };
    index.putAsset(asset({ id: VOICE, identifiers: [url], permittedUses: ["inference"] }));
    index.putAsset(asset({ id: SONG, identifiers: [url] }));
    const answer = index.check(PRODUCER, item({ asset: { identifier: url }, useType: "inference" }));
    expect(answer).toMatchObject({ permitted: false, reason: "no_consent", assetId: null });
  });

  it("counts differing bits of 64-bit fingerprints", () => {
    expect(hammingDistance("0000000000000000", "ffffffffffffffff")).toBe(64);
    expect(hammingDistance("8000000000000001", "0000000000000000")).toBe(2);
  });
});

describe("the decision index's version", () => {
  it("moves when an asset changes and not when the same asset is put again", () => {
    const index = new DecisionIndex();
    index.putAsset(asset({ identifiers: [{ scheme: "isrc", value: "USS1Z9900001" }] }));
    const first = index.version;
    index.putAsset(asset({ identifiers: [{ scheme: "isrc", value: "USS1Z9900001" }] }));
    expect(index.version).toBe(first);
    index.putAsset(asset({ identifiers: [{ scheme: "isrc", value: "USS1Z9900001" }], permittedUses: ["inference"] }));
    expect(index.version).toBeGreaterThan(first);
    expect(index.check(PRODUCER, item({ useType: "inference" }))).toMatchObject({ permitted: true, reason: "policy" });
  });
});
