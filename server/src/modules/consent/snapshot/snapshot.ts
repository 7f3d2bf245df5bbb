import { createHash } from "node:crypto";
import { USE_TYPES, type UseType } from "../../../../../common/consent.ts";
import {
  ALL_USES,
  encodeSnapshot,
  hashUseTags,
  NameHasher,
  SNAPSHOT_FALSE_POSITIVE_RATE,
  type SnapshotFile,
  snapshotNoteText,
} from "../../../../../common/consent-snapshot.ts";
import type { SecretBox } from "../../../platform/crypto/secret-box.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { appendEntryToLog, signWithLogKey } from "../../transparency/index.ts";
import { buildFuseFilter } from "./fuse-filter.ts";

/** What a snapshot needs of an asset: its names and its own policy. */
export interface SnapshotAsset {
  organizationId: string;
  identifiers: readonly { scheme: string; value: string }[];
  sha256: string | null;
  fingerprint: string | null;
  permittedUses: readonly UseType[];
}

/** The registry as the snapshot reads it: the decision index. */
export interface SnapshotSource {
  assets(): Iterable<SnapshotAsset>;
  isOnStrike(organizationId: string): boolean;
  /** Changes whenever an asset, its policy or a strike does. */
  readonly version: number;
}

const STRIDE = 1 << 14;

/**
 * The filter's keys, as pairs of 32-bit words: for each name of each asset, `*` when the asset
 * reserves every use (its policy permits none, or its union is on strike: consents and policies
 * are suspended), else one key per reserved use. Assets known by no name (personal attributes)
 * have no key: they are checked through the API by asset id.
 */
export async function snapshotKeys(
  assets: Iterable<SnapshotAsset>,
  isOnStrike: (organizationId: string) => boolean,
  pause: () => Promise<void> = async () => {},
): Promise<{ keys: Uint32Array; count: number }> {
  const tags = hashUseTags();
  const all = [tags.get(ALL_USES) as [number, number]];
  const hasher = new NameHasher();
  const name = new Uint32Array(2);
  let keys = new Uint32Array(1 << 16);
  let count = 0;
  let seen = 0;
  const push = (tagged: [number, number][]) => {
    if (2 * (count + tagged.length) > keys.length) {
      const grown = new Uint32Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    for (const [t0, t1] of tagged) {
      keys[2 * count] = (name[0] as number) ^ t0;
      keys[2 * count + 1] = (name[1] as number) ^ t1;
      count++;
    }
  };
  const byPolicy = new Map<readonly UseType[], [number, number][]>();
  for (const asset of assets) {
    if (++seen % STRIDE === 0) await pause();
    let tagged: [number, number][];
    if (isOnStrike(asset.organizationId) || asset.permittedUses.length === 0) tagged = all;
    else {
      let cached = byPolicy.get(asset.permittedUses);
      if (!cached) {
        const reserved = USE_TYPES.filter((use) => !asset.permittedUses.includes(use));
        cached = reserved.map((use) => tags.get(use) as [number, number]);
        byPolicy.set(asset.permittedUses, cached);
      }
      tagged = cached;
    }
    if (tagged.length === 0) continue;
    if (asset.sha256) {
      hasher.hashJoined("sha256:", asset.sha256, name);
      push(tagged);
    }
    if (asset.fingerprint) {
      hasher.hashJoined("fp:", asset.fingerprint, name);
      push(tagged);
    }
    for (const { scheme, value } of asset.identifiers) {
      hasher.hashJoined(schemePrefix(scheme), value, name);
      push(tagged);
    }
  }
  return { keys, count };
}

const PREFIXES = new Map<string, string>();

function schemePrefix(scheme: string): string {
  let prefix = PREFIXES.get(scheme);
  if (prefix === undefined) {
    prefix = `${scheme}:`;
    PREFIXES.set(scheme, prefix);
  }
  return prefix;
}

/** The snapshot's bytes: header and filter. */
export async function buildSnapshotBytes(
  assets: Iterable<SnapshotAsset>,
  isOnStrike: (organizationId: string) => boolean,
  createdAt: Date,
  options: { seed?: number; pause?: () => Promise<void> } = {},
): Promise<{ bytes: Uint8Array; keyCount: number }> {
  const { keys, count } = await snapshotKeys(assets, isOnStrike, options.pause);
  const filter = await buildFuseFilter(keys, count, options);
  return { bytes: encodeSnapshot({ ...filter, createdAt }, filter.fingerprints), keyCount: filter.keyCount };
}

export interface ServedSnapshot {
  file: SnapshotFile;
  /** The file as JSON, serialized once. */
  body: Buffer;
  /** A strong ETag: the snapshot's SHA-256. */
  etag: string;
  builtAt: number;
}

export interface SnapshotServiceOptions {
  /** The live index (it may be replaced by a full reload). */
  source: () => SnapshotSource;
  db: Db;
  secretBox: SecretBox;
  origin: string;
  now: () => Date;
  /** A changed registry is snapshotted again at most this often (default one minute). */
  minIntervalMs?: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The snapshot served at GET /api/v1/consent/snapshot: built on the first request, then again on
 * a request that finds the registry changed and the last one at least `minIntervalMs` old (never
 * per request; requests meanwhile share one build). The build yields to the event loop every few
 * thousand assets, so checks keep being answered while it runs. Each snapshot's SHA-256 goes on
 * the transparency log, and its note is signed with the log's key.
 */
export class SnapshotService {
  readonly #options: SnapshotServiceOptions;
  #served: (ServedSnapshot & { source: SnapshotSource; version: number }) | undefined;
  #building: Promise<ServedSnapshot> | undefined;

  constructor(options: SnapshotServiceOptions) {
    this.#options = options;
  }

  current(): Promise<ServedSnapshot> {
    const source = this.#options.source();
    const served = this.#served;
    const unchanged = served && served.source === source && served.version === source.version;
    const recent = served && this.#options.now().getTime() - served.builtAt < (this.#options.minIntervalMs ?? 60_000);
    if (served && (unchanged || recent)) return Promise.resolve(served);
    this.#building ??= this.#build(source).finally(() => {
      this.#building = undefined;
    });
    return this.#building;
  }

  async #build(source: SnapshotSource): Promise<ServedSnapshot> {
    const { db, secretBox, origin, now } = this.#options;
    const version = source.version;
    const createdAt = new Date(Math.floor(now().getTime()));
    const { bytes, keyCount } = await buildSnapshotBytes(
      source.assets(),
      (organizationId) => source.isOnStrike(organizationId),
      createdAt,
      { pause: yieldToEventLoop },
    );
    const sha256 = createHash("sha256").update(bytes).digest("base64");
    const logIndex = await inTransaction(db, (trx) =>
      appendEntryToLog(
        trx,
        { kind: "consent.snapshot", sha256, keys: keyCount, created: createdAt.toISOString() },
        now(),
      ),
    );
    const text = snapshotNoteText({ origin, sha256, keyCount, createdAt, logIndex });
    const { note } = await signWithLogKey(db, secretBox, origin, text, now());
    const file: SnapshotFile = {
      format: "guildhall-consent-snapshot-v1",
      note,
      snapshot: Buffer.from(bytes).toString("base64"),
      sha256,
      keyCount,
      createdAt: createdAt.toISOString(),
      falsePositiveRate: SNAPSHOT_FALSE_POSITIVE_RATE,
      origin,
      logIndex,
    };
    const served = {
      file,
      body: Buffer.from(JSON.stringify(file)),
      etag: `"${Buffer.from(sha256, "base64").toString("hex")}"`,
      builtAt: now().getTime(),
      source,
      version,
    };
    this.#served = served;
    return served;
  }
}
