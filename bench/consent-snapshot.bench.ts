import { USE_TYPES, type UseType } from "../common/consent.ts";
import { ALL_USES, hashUseTags, NameHasher, SnapshotFilter } from "../common/consent-snapshot.ts";
import { buildSnapshotBytes, type SnapshotAsset } from "../server/src/modules/consent/snapshot/snapshot.ts";
import { defineBenchmark, type MeasureContext } from "./harness.ts";
import { prng } from "./log-fixture.ts";

const ASSETS = readCount("BENCH_SNAPSHOT_ASSETS", 1_000_000, 1000, 20_000_000);
const QUERIES = 1_000_000;
const BUILDS = 3;
const USE: UseType = "training";
const MIB = 2 ** 20;

interface SnapshotFixture {
  assets: SnapshotAsset[];
  filter: SnapshotFilter;
  bytes: number;
  keyCount: number;
  buildSeconds: number[];
  /** The query names, one a line: half registered names reserved for training, half unknown. */
  queries: string;
  /** The plain list a registry could publish instead: one `<use or *>|<name>` line per key. */
  plainListBytes: number;
  falsePositives: number;
  unknownQueries: number;
}

/**
 * The consent snapshot (decision 0010) of a registry of BENCH_SNAPSHOT_ASSETS assets in memory:
 * build time and size, and local checks of names against it, against a JavaScript Set of the same
 * reserved names in the same run.
 */
export default defineBenchmark<SnapshotFixture>({
  name: "consent-snapshot",
  title: `consent snapshot of ${ASSETS.toLocaleString("en-US")} assets: local checks vs a JavaScript Set of the reserved names`,
  targets: [{ metric: "checks/s", of: "subject", atLeast: 5_000_000 }],
  notes: [
    `assets (seeded, in memory, shaped as the decision index holds them; BENCH_SNAPSHOT_ASSETS): every one has a ` +
      "SHA-256, 70 % a 64-bit fingerprint, 30 % an ISRC, 50 % a URL; 90 % permit nothing (the default), 8 % " +
      "inference only, 2 % everything (not in the snapshot).",
    `queries: ${QUERIES.toLocaleString("en-US")} names, half registered and reserved for training, half unknown ` +
      "SHA-256s, read fresh from one text each round (String.split, as from a file): one check is one use of one name.",
    "subject: SnapshotFilter.mayBeReservedMany('training', names) (common/consent-snapshot.ts): MurmurHash3 of each " +
      "name, 512 at a time, then two probes each of a binary fuse filter with 16-bit fingerprints; one call per name " +
      "(mayBeReserved) in the details.",
    "baseline: Set<string>.has(name) over the names reserved for training (what a registry publishing its plain list " +
      "would let a developer do); its build time is the Set's, its size the plain list's (`<use>|<name>` lines).",
    "build: snapshotKeys + buildFuseFilter + encoding (buildSnapshotBytes), without the server's pauses, signature " +
      `and log entry; median of ${BUILDS}. Size: the snapshot's bytes (the JSON download is base64: 4/3 of that).`,
    "target (issue 6): ≥ 5,000,000 checks a second, subject.",
  ],
  setupTimeoutSeconds: 1800,

  async setup(context) {
    const assets = generateAssets(ASSETS);
    context.progress(`${ASSETS.toLocaleString("en-US")} assets generated`);
    const buildSeconds: number[] = [];
    let built: { bytes: Uint8Array; keyCount: number } | undefined;
    for (let i = 0; i < BUILDS; i++) {
      const started = performance.now();
      built = await buildSnapshotBytes(assets, () => false, new Date("2026-12-01T00:00:00Z"));
      buildSeconds.push((performance.now() - started) / 1000);
      context.progress(`snapshot built in ${buildSeconds.at(-1)?.toFixed(2)} s (${built.keyCount} keys)`);
    }
    if (!built) throw new Error("no build");
    const filter = SnapshotFilter.fromBytes(built.bytes);

    const random = prng(7);
    const reserved = reservedNames(assets, USE);
    const queries: string[] = [];
    for (let i = 0; i < QUERIES / 2; i++) queries.push(reserved[Math.floor(random() * reserved.length)] as string);
    for (let i = 0; i < QUERIES / 2; i++) queries.push(`sha256:${hex(random, 64)}`);
    shuffle(queries, random);

    // Check before measuring: no registered name misses; count the unknown ones that hit.
    for (const name of reserved) {
      if (!filter.mayBeReserved(USE, name)) throw new Error(`${name} is reserved for ${USE} but misses`);
    }
    let falsePositives = 0;
    for (let i = 0; i < QUERIES / 2; i++) if (filter.mayBeReserved(USE, `sha256:${hex(random, 64)}`)) falsePositives++;
    return {
      assets,
      filter,
      bytes: built.bytes.length,
      keyCount: built.keyCount,
      buildSeconds,
      queries: queries.join("\n"),
      plainListBytes: plainListSize(assets),
      falsePositives,
      unknownQueries: QUERIES / 2,
    };
  },

  async baseline(context, fixture) {
    const started = performance.now();
    const set = new Set(reservedNames(fixture.assets, USE));
    const buildSeconds = (performance.now() - started) / 1000;
    const measured = await measureChecks(context, fixture.queries, (name) => set.has(name));
    return {
      label: `Set<string>.has over the ${set.size.toLocaleString("en-US")} names reserved for ${USE}`,
      metrics: [
        { name: "checks/s", unit: "checks/s", value: measured.perSecond, better: "higher" },
        { name: "build per million assets", unit: "s", value: buildSeconds / (ASSETS / 1e6), better: "lower" },
        {
          name: "size per million assets",
          unit: "MiB",
          value: fixture.plainListBytes / MIB / (ASSETS / 1e6),
          better: "lower",
        },
      ],
      details: [
        `${measured.rounds} rounds of ${QUERIES.toLocaleString("en-US")} checks, ${measured.hits} hits a round`,
      ],
      problems: [],
    };
  },

  async subject(context, fixture) {
    const { filter } = fixture;
    let results: Uint8Array = new Uint8Array(QUERIES);
    const measured = await measureChecks(context, fixture.queries, undefined, (names) => {
      results = filter.mayBeReservedMany(USE, names, results);
      let hits = 0;
      for (let i = 0; i < names.length; i++) hits += results[i] as number;
      return hits;
    });
    const single = await measureChecks(context, fixture.queries, (name) => filter.mayBeReserved(USE, name));
    const probes = measureProbes(fixture);
    const median = [...fixture.buildSeconds].sort((a, b) => a - b)[Math.floor(BUILDS / 2)] as number;
    return {
      label: `SnapshotFilter.mayBeReservedMany over a snapshot of ${fixture.keyCount.toLocaleString("en-US")} keys`,
      metrics: [
        { name: "checks/s", unit: "checks/s", value: measured.perSecond, better: "higher" },
        { name: "build per million assets", unit: "s", value: median / (ASSETS / 1e6), better: "lower" },
        { name: "size per million assets", unit: "MiB", value: fixture.bytes / MIB / (ASSETS / 1e6), better: "lower" },
      ],
      details: [
        `${measured.rounds} rounds of ${QUERIES.toLocaleString("en-US")} checks, ${measured.hits} hits a round`,
        `one call per name (mayBeReserved): ${(single.perSecond / 1e6).toFixed(2)} M checks/s`,
        `snapshot: ${fixture.keyCount.toLocaleString("en-US")} keys, ${(fixture.bytes / MIB).toFixed(2)} MiB, ` +
          `${((fixture.bytes * 8) / fixture.keyCount).toFixed(2)} bits a key; builds ${fixture.buildSeconds.map((s) => s.toFixed(2)).join(", ")} s`,
        `false positives measured: ${fixture.falsePositives} of ${fixture.unknownQueries.toLocaleString("en-US")} unknown names ` +
          `(${(fixture.falsePositives / fixture.unknownQueries).toExponential(2)}; ` +
          `${(fixture.unknownQueries * filter.falsePositiveRate).toFixed(1)} expected at the stated ${filter.falsePositiveRate.toExponential(2)})`,
        `name hashed once, every use then probed (an item checked for all 8 uses): ${(probes / 1e6).toFixed(1)} M probes/s`,
      ],
      problems: [],
    };
  },
});

/**
 * Checks every name of the text, one at a time (`check`) or all at once (`checkAll`, returning the
 * hits), in rounds (a fresh split each round), for BENCH_SECONDS.
 */
async function measureChecks(
  context: MeasureContext,
  text: string,
  check?: (name: string) => boolean,
  checkAll?: (names: string[]) => number,
): Promise<{ perSecond: number; rounds: number; hits: number }> {
  const round = (names: string[]) => {
    if (checkAll) return checkAll(names);
    let hits = 0;
    for (let i = 0; i < names.length; i++) if (check?.(names[i] as string)) hits++;
    return hits;
  };
  if (context.settings.warmupSeconds > 0) round(text.split("\n"));
  let seconds = 0;
  let checks = 0;
  let rounds = 0;
  let hits = 0;
  while (rounds < 3 || seconds < context.settings.seconds) {
    const names = text.split("\n");
    const started = performance.now();
    hits = round(names);
    seconds += (performance.now() - started) / 1000;
    checks += names.length;
    rounds++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { perSecond: checks / seconds, rounds, hits };
}

/** Probes a second: 8 uses of each name after one hash (the filter's own speed). */
function measureProbes(fixture: SnapshotFixture): number {
  const names = fixture.queries.split("\n").slice(0, 200_000);
  const hashes = new Uint32Array(2 * names.length);
  const hasher = new NameHasher();
  for (let i = 0; i < names.length; i++) hasher.hash(names[i] as string, hashes, 2 * i);
  const tags = hashUseTags();
  const all = tags.get(ALL_USES) as [number, number];
  const started = performance.now();
  let hits = 0;
  for (let i = 0; i < names.length; i++) {
    const n0 = hashes[2 * i] as number;
    const n1 = hashes[2 * i + 1] as number;
    const everything = fixture.filter.containsKey(n0 ^ all[0], n1 ^ all[1]);
    for (const use of USE_TYPES) {
      const [t0, t1] = tags.get(use) as [number, number];
      if (everything || fixture.filter.containsKey(n0 ^ t0, n1 ^ t1)) hits++;
    }
  }
  const probes = names.length * (1 + USE_TYPES.length);
  return hits >= 0 ? probes / ((performance.now() - started) / 1000) : 0;
}

function generateAssets(count: number): SnapshotAsset[] {
  const random = prng(20261201);
  const assets: SnapshotAsset[] = [];
  const unions = Array.from({ length: 20 }, (_, i) => `union-${i}`);
  const inferenceOnly: UseType[] = ["inference"];
  const everything: UseType[] = [...USE_TYPES];
  const nothing: UseType[] = [];
  for (let i = 0; i < count; i++) {
    const identifiers: { scheme: string; value: string }[] = [];
    if (random() < 0.3)
      identifiers.push({
        scheme: "isrc",
        value: `FR${hex(random, 3).toUpperCase()}26${String(i).padStart(5, "0").slice(-5)}`,
      });
    if (random() < 0.5) identifiers.push({ scheme: "url", value: `https://artist-${i % 50_000}.example/works/${i}` });
    const policy = random();
    assets.push({
      organizationId: unions[i % unions.length] as string,
      identifiers,
      sha256: hex(random, 64),
      fingerprint: random() < 0.7 ? hex(random, 16) : null,
      permittedUses: policy < 0.9 ? nothing : policy < 0.98 ? inferenceOnly : everything,
    });
  }
  return assets;
}

function namesOf(asset: SnapshotAsset): string[] {
  const names = asset.identifiers.map(({ scheme, value }) => `${scheme}:${value}`);
  if (asset.sha256) names.push(`sha256:${asset.sha256}`);
  if (asset.fingerprint) names.push(`fp:${asset.fingerprint}`);
  return names;
}

function reservedNames(assets: SnapshotAsset[], use: UseType): string[] {
  return assets.filter((asset) => !asset.permittedUses.includes(use)).flatMap(namesOf);
}

function plainListSize(assets: SnapshotAsset[]): number {
  let bytes = 0;
  for (const asset of assets) {
    const reserved = USE_TYPES.filter((use) => !asset.permittedUses.includes(use));
    if (reserved.length === 0) continue;
    const tags = reserved.length === USE_TYPES.length ? [ALL_USES] : reserved;
    for (const name of namesOf(asset)) for (const tag of tags) bytes += tag.length + 1 + name.length + 1;
  }
  return bytes;
}

const HEX = "0123456789abcdef";

function hex(random: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += HEX[Math.floor(random() * 16)];
  return text;
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

function readCount(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)}).`);
  }
  return value;
}
