import { randomFillSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { USE_TYPES, type UseType } from "../../../../../common/consent.ts";
import {
  encodeSnapshot,
  murmur3x86_128,
  NameHasher,
  parseSnapshotKey,
  SNAPSHOT_FALSE_POSITIVE_RATE,
  SnapshotError,
  SnapshotFilter,
  snapshotKey,
  snapshotName,
} from "../../../../../common/consent-snapshot.ts";
import { buildFuseFilter, fuseLayout } from "./fuse-filter.ts";
import { buildSnapshotBytes, type SnapshotAsset } from "./snapshot.ts";

const hex = (words: Uint32Array) => Buffer.from(words.buffer, words.byteOffset, words.byteLength).toString("hex");

describe("MurmurHash3_x86_128", () => {
  // Digests from the reference C implementation (Python's mmh3.hash_bytes(data, 0, x64arch=False)).
  const vectors: [string, string][] = [
    ["", "00000000000000000000000000000000"],
    ["a", "3c9394a71bb056551bb056551bb05655"],
    ["hello world", "881ab2c0e1c1f3141a150d1c2c9e0c9b"],
    ["*", "95e060c08c5973768c5973768c597376"],
    ["training", "32f0b915a671c00ec1d2fbe7c1d2fbe7"],
    [`sha256:${"ab".repeat(32)}`, "725b5306eaf1e4832076f977995cd166"],
    ["url:https://example.org/ünï", "bb706417adbb4cd9184f64063b049057"],
    ["x".repeat(15), "b543fa825b401c7893338d541b879d15"],
    ["y".repeat(16), "318e443ed52925e6276b0a99fee16335"],
    ["z".repeat(17), "e978d4f0a05401182eb8688d1d82f632"],
    ["w".repeat(33), "c1cfc7592deee403be3b5464bc6ca99b"],
  ];

  it("gives the reference digests, byte by byte and through the name hasher", () => {
    const digest = new Uint32Array(4);
    const name = new Uint32Array(2);
    const hasher = new NameHasher();
    for (const [text, expected] of vectors) {
      const bytes = new TextEncoder().encode(text);
      murmur3x86_128(bytes, bytes.length, 0, digest);
      expect(hex(digest), text).toBe(expected);
      hasher.hash(text, name);
      expect(hex(name), text).toBe(expected.slice(0, 16));
    }
    const joined = new Uint32Array(2);
    hasher.hashJoined("url:", "https://example.org/ünï", joined);
    expect(hex(joined)).toBe("bb706417adbb4cd9184f64063b049057".slice(0, 16));
    // A long name grows the hasher's buffer.
    const long = `url:https://example.org/${"é".repeat(400)}`;
    const bytes = new TextEncoder().encode(long);
    murmur3x86_128(bytes, bytes.length, 0, digest);
    hasher.hash(long, name);
    expect(hex(name)).toBe(hex(digest).slice(0, 16));
  });
});

describe("names and keys", () => {
  it("normalizes an item as the registry does", () => {
    expect(snapshotName({ sha256: ` ${"AB".repeat(32)} ` })).toBe(`sha256:${"ab".repeat(32)}`);
    expect(snapshotName({ fingerprint: "00FF00FF00FF00FF" })).toBe("fp:00ff00ff00ff00ff");
    expect(snapshotName({ identifier: { scheme: "isrc", value: "us-s1z-99-00001" } })).toBe("isrc:USS1Z9900001");
    expect(snapshotName({ identifier: { scheme: "doi", value: "https://doi.org/10.1000/ABC" } })).toBe(
      "doi:10.1000/abc",
    );
    expect(snapshotName({ identifier: { scheme: "isrc", value: "nope" } })).toBeNull();
    expect(snapshotName({ sha256: "abc" })).toBeNull();
    expect(snapshotKey("training", { identifier: { scheme: "url", value: "https://Example.org:443/a#x" } })).toBe(
      "training|url:https://example.org/a",
    );
  });

  it("reads key lines as typed", () => {
    expect(parseSnapshotKey("training|isrc:US-S1Z-99-00001")).toEqual({
      useType: "training",
      name: "isrc:USS1Z9900001",
    });
    expect(parseSnapshotKey(`inference|SHA256:${"AB".repeat(32)}`)).toEqual({
      useType: "inference",
      name: `sha256:${"ab".repeat(32)}`,
    });
    expect(parseSnapshotKey("training|url:https://example.org/a|b")?.name).toBe("url:https://example.org/a|b");
    for (const bad of ["", "training", "training|", "swimming|sha256:00", "training|isbn:123", "training|fp:12"]) {
      expect(parseSnapshotKey(bad), bad).toBeNull();
    }
  });
});

/** n random 64-bit keys. */
function randomKeys(n: number): Uint32Array {
  const keys = new Uint32Array(2 * n);
  randomFillSync(keys);
  return keys;
}

async function filterOf(keys: Uint32Array, count: number): Promise<SnapshotFilter> {
  const built = await buildFuseFilter(keys, count);
  return SnapshotFilter.fromBytes(encodeSnapshot({ ...built, createdAt: new Date(0) }, built.fingerprints));
}

describe("binary fuse filter", () => {
  it("holds every key and lets about 2^-16 of the others through", async () => {
    const n = 200_000;
    const keys = randomKeys(n);
    const filter = await filterOf(keys, n);
    expect(filter.keyCount).toBe(n);
    for (let i = 0; i < n; i++) {
      if (!filter.containsKey(keys[2 * i] as number, keys[2 * i + 1] as number)) throw new Error(`key ${i} is missing`);
    }
    const trials = 1_000_000;
    const others = randomKeys(trials);
    let hits = 0;
    for (let i = 0; i < trials; i++)
      if (filter.containsKey(others[2 * i] as number, others[2 * i + 1] as number)) hits++;
    // Expected 15.3 (Poisson): 0 to 40 is far beyond 5 standard deviations.
    expect(hits).toBeLessThanOrEqual(40);
    const cellsPerKey = fuseLayout(n).cells / n;
    expect(cellsPerKey * 16).toBeLessThan(19.5);
  });

  it("keeps identical keys once, and builds for no key, one and a few", async () => {
    const keys = randomKeys(1000);
    keys.copyWithin(1000, 0, 1000); // keys 500..999 repeat keys 0..499
    const filter = await filterOf(keys, 1000);
    expect(filter.keyCount).toBe(500);
    for (let i = 0; i < 500; i++)
      expect(filter.containsKey(keys[2 * i] as number, keys[2 * i + 1] as number)).toBe(true);
    for (const n of [0, 1, 2, 3, 7, 100]) {
      const few = randomKeys(n);
      const small = await filterOf(few, n);
      expect(small.keyCount).toBe(n);
      for (let i = 0; i < n; i++) expect(small.containsKey(few[2 * i] as number, few[2 * i + 1] as number)).toBe(true);
    }
  });

  it("refuses bytes that are not a snapshot", async () => {
    const built = await buildFuseFilter(randomKeys(10), 10);
    const bytes = encodeSnapshot({ ...built, createdAt: new Date(0) }, built.fingerprints);
    expect(() => SnapshotFilter.fromBytes(bytes.subarray(0, bytes.length - 2))).toThrow(SnapshotError);
    const wrongMagic = Uint8Array.from(bytes);
    wrongMagic[0] = 0;
    expect(() => SnapshotFilter.fromBytes(wrongMagic)).toThrow(/magic/);
    const wrongVersion = Uint8Array.from(bytes);
    wrongVersion[4] = 2;
    expect(() => SnapshotFilter.fromBytes(wrongVersion)).toThrow(/version/);
  });
});

describe("snapshot of a registry", () => {
  const sha = (i: number) => i.toString(16).padStart(64, "0");
  const assets: SnapshotAsset[] = [
    // Nothing permitted (the default): every use reserved, under each of its names.
    {
      organizationId: "u1",
      identifiers: [{ scheme: "isrc", value: "USS1Z9900001" }],
      sha256: sha(1),
      fingerprint: "0123456789abcdef",
      permittedUses: [],
    },
    // Inference permitted by the member's own policy: only the other uses are reserved.
    { organizationId: "u1", identifiers: [], sha256: sha(2), fingerprint: null, permittedUses: ["inference"] },
    // Everything permitted: not in the snapshot at all.
    { organizationId: "u1", identifiers: [], sha256: sha(3), fingerprint: null, permittedUses: [...USE_TYPES] },
    // Everything permitted, but the union is on strike: every use reserved.
    { organizationId: "u2", identifiers: [], sha256: sha(4), fingerprint: null, permittedUses: [...USE_TYPES] },
    // A voice: no name to check locally.
    { organizationId: "u1", identifiers: [], sha256: null, fingerprint: null, permittedUses: [] },
  ];

  it("reserves each use an asset does not permit, under each of its names", async () => {
    const { bytes, keyCount } = await buildSnapshotBytes(
      assets,
      (org) => org === "u2",
      new Date("2026-12-01T00:00:00Z"),
    );
    const filter = SnapshotFilter.fromBytes(bytes);
    expect(keyCount).toBe(3 + 7 + 1);
    expect(filter.falsePositiveRate).toBe(SNAPSHOT_FALSE_POSITIVE_RATE);
    expect(filter.createdAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    for (const use of USE_TYPES) {
      for (const name of [`sha256:${sha(1)}`, "isrc:USS1Z9900001", "fp:0123456789abcdef", `sha256:${sha(4)}`]) {
        expect(filter.mayBeReserved(use, name), `${use} ${name}`).toBe(true);
        expect(filter.mayBeReservedKey(`${use}|${name}`)).toBe(true);
      }
    }
    const reserved2 = filter.reservedUses(`sha256:${sha(2)}`);
    expect(reserved2).toEqual(USE_TYPES.filter((use) => use !== "inference"));
    // Permitted uses and unknown items miss (a false positive here has odds of 2^-15 each).
    const misses: [UseType, string][] = [
      ["inference", `sha256:${sha(2)}`],
      ["training", `sha256:${sha(3)}`],
      ["training", `sha256:${sha(5)}`],
      ["training", "fp:0123456789abcdee"],
    ];
    for (const [use, name] of misses) expect(filter.mayBeReserved(use, name), `${use} ${name}`).toBe(false);
    expect(filter.mayBeReservedKey("no key")).toBe(false);
    // In bulk, the same answers.
    const names = [
      ...Array.from({ length: 1500 }, (_, i) => `sha256:${sha(1000 + i)}`),
      `sha256:${sha(2)}`,
      "isrc:USS1Z9900001",
    ];
    for (const use of USE_TYPES) {
      const bulk = filter.mayBeReservedMany(use, names);
      expect([...bulk]).toEqual(names.map((name) => (filter.mayBeReserved(use, name) ? 1 : 0)));
    }
  });
});
