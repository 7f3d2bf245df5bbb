import {
  type AssetReference,
  type CheckAnswer,
  type CheckItem,
  type ConsentStatus,
  type IdentifierScheme,
  isValidForProcessing,
  type Scope,
  type Terms,
  type UseType,
} from "../../../../common/consent.ts";
import { normalizeIdentifier } from "../../../../common/identifiers.ts";
import { logReference } from "../../../../common/transparency.ts";

export interface IndexedAsset {
  id: string;
  /** The member's union: its strikes suspend the member's consents. */
  organizationId: string;
  identifiers: { scheme: IdentifierScheme; value: string }[];
  sha256: string | null;
  /** 16 hex digits. */
  fingerprint: string | null;
  /** Uses the member allows without asking; empty by default (unknown means no). */
  permittedUses: UseType[];
}

export interface IndexedGrant {
  id: string;
  assetId: string;
  /** The organization the consent was given to: only its checks can rely on it. */
  requesterId: string;
  scope: Scope;
  terms: Terms;
  status: ConsentStatus;
  logIndex: number | null;
}

/** Fingerprints this many bits apart or fewer are the same work. */
export const NEAR_DUPLICATE_BITS = 3;
const BANDS = 4;
const NO_IDENTIFIERS: IndexedAsset["identifiers"] = [];

/**
 * Every permission decision in memory: assets by each name they can be checked by, the grants on
 * each asset per requester, and the unions on strike. Checks never touch the database; the
 * registry updates the index on the same path as each change, after its transaction commits.
 */
export class DecisionIndex {
  readonly #assets = new Map<string, IndexedAsset>();
  /** By "<scheme>:<canonical identifier>". */
  readonly #byName: Ids<string> = new Map();
  /** By the SHA-256 itself: the asset's own string is the key, no second copy. */
  readonly #bySha256: Ids<string> = new Map();
  /** Four 16-bit bands of each fingerprint: two within 3 bits share at least one band exactly. */
  readonly #bands: Ids<number>[] = Array.from({ length: BANDS }, () => new Map());
  /** A million assets share a few organizations and policies: one copy of each. */
  readonly #shared = new Map<string, string>();
  readonly #policies = new Map<string, UseType[]>();
  readonly #grants = new Map<string, Map<string, IndexedGrant[]>>();
  readonly #grantAsset = new Map<string, string>();
  readonly #strikes = new Set<string>();
  #version = 0;

  get assetCount(): number {
    return this.#assets.size;
  }

  /** Changes with every asset put or removed and every strike called or ended (the snapshot's cue). */
  get version(): number {
    return this.#version;
  }

  /** Every asset, for the consent snapshot. */
  assets(): IterableIterator<IndexedAsset> {
    return this.#assets.values();
  }

  isOnStrike(organizationId: string): boolean {
    return this.#strikes.has(organizationId);
  }

  putAsset(given: IndexedAsset): void {
    // Another instance's notice of a change this one has already made brings the same asset again.
    const current = this.#assets.get(given.id);
    if (current && sameAsset(current, given)) return;
    this.removeAsset(given.id);
    this.#version++;
    const asset = {
      ...given,
      organizationId: this.#share(given.organizationId),
      identifiers: given.identifiers.length === 0 ? NO_IDENTIFIERS : given.identifiers,
      permittedUses: this.#policy(given),
    };
    this.#assets.set(asset.id, asset);
    for (const key of namesOf(asset)) addTo(this.#byName, key, asset.id);
    if (asset.sha256) addTo(this.#bySha256, asset.sha256, asset.id);
    if (asset.fingerprint) {
      bandsOf(asset.fingerprint).forEach((band, i) => {
        addTo(this.#bands[i] as Ids<number>, band, asset.id);
      });
    }
  }

  #share(value: string): string {
    const shared = this.#shared.get(value);
    if (shared !== undefined) return shared;
    this.#shared.set(value, value);
    return value;
  }

  #policy(asset: IndexedAsset): UseType[] {
    const key = [...asset.permittedUses].sort().join(",");
    const shared = this.#policies.get(key);
    if (shared) return shared;
    this.#policies.set(key, asset.permittedUses);
    return asset.permittedUses;
  }

  removeAsset(id: string): void {
    const asset = this.#assets.get(id);
    if (!asset) return;
    this.#version++;
    this.#assets.delete(id);
    for (const key of namesOf(asset)) removeFrom(this.#byName, key, id);
    if (asset.sha256) removeFrom(this.#bySha256, asset.sha256, id);
    if (asset.fingerprint) {
      bandsOf(asset.fingerprint).forEach((band, i) => {
        removeFrom(this.#bands[i] as Ids<number>, band, id);
      });
    }
    for (const grants of this.#grants.get(id)?.values() ?? []) {
      for (const grant of grants) this.#grantAsset.delete(grant.id);
    }
    this.#grants.delete(id);
  }

  /** Adds a grant or replaces it (same id) with its new status. */
  putGrant(grant: IndexedGrant): void {
    this.removeGrant(grant.id);
    const perRequester = this.#grants.get(grant.assetId) ?? new Map<string, IndexedGrant[]>();
    this.#grants.set(grant.assetId, perRequester);
    perRequester.set(grant.requesterId, [...(perRequester.get(grant.requesterId) ?? []), grant]);
    this.#grantAsset.set(grant.id, grant.assetId);
  }

  removeGrant(id: string): void {
    const assetId = this.#grantAsset.get(id);
    if (!assetId) return;
    this.#grantAsset.delete(id);
    const perRequester = this.#grants.get(assetId);
    for (const [requesterId, grants] of perRequester ?? []) {
      const kept = grants.filter((grant) => grant.id !== id);
      if (kept.length === grants.length) continue;
      if (kept.length === 0) perRequester?.delete(requesterId);
      else perRequester?.set(requesterId, kept);
    }
  }

  setStrike(organizationId: string, onStrike: boolean): void {
    if (onStrike !== this.#strikes.has(organizationId)) this.#version++;
    if (onStrike) this.#strikes.add(organizationId);
    else this.#strikes.delete(organizationId);
  }

  /** The assets a reference names: none, one, or several (a URL or a near-duplicate can match more). */
  resolve(reference: AssetReference): IndexedAsset[] {
    const ids = new Set<string>();
    const { assetId, sha256, identifier, fingerprint } = reference;
    if (assetId !== undefined) ids.add(assetId);
    else if (sha256 !== undefined) for (const id of idsAt(this.#bySha256, sha256)) ids.add(id);
    else if (identifier !== undefined) {
      const normalized = normalizeIdentifier(identifier.scheme, identifier.value);
      if (normalized.ok) {
        for (const id of idsAt(this.#byName, `${identifier.scheme}:${normalized.value}`)) ids.add(id);
      }
    } else if (fingerprint !== undefined) {
      bandsOf(fingerprint).forEach((band, i) => {
        for (const id of idsAt(this.#bands[i] as Ids<number>, band)) {
          const candidate = this.#assets.get(id)?.fingerprint;
          if (candidate && hammingDistance(candidate, fingerprint) <= NEAR_DUPLICATE_BITS) ids.add(id);
        }
      });
    }
    return [...ids].flatMap((id) => this.#assets.get(id) ?? []);
  }

  /** May `requesterId` make this use? Every asset the item names must allow it. */
  check(requesterId: string, item: CheckItem): CheckAnswer {
    const assets = this.resolve(item.asset);
    if (assets.length === 0) return answer(false, "unknown_asset");
    const answers = assets.map((asset) => this.#decide(requesterId, asset, item));
    const refusal = answers.find((a) => !a.permitted);
    const decisive = refusal ?? (answers[0] as CheckAnswer);
    return assets.length === 1 ? decisive : { ...decisive, assetId: null, grantId: null, terms: null, log: null };
  }

  #decide(requesterId: string, asset: IndexedAsset, item: CheckItem): CheckAnswer {
    const onAsset = { ...answer(false, "no_consent"), assetId: asset.id };
    if (this.#strikes.has(asset.organizationId)) return { ...onAsset, reason: "suspended" };
    const grants = (this.#grants.get(asset.id)?.get(requesterId) ?? []).filter((g) => covers(g.scope, item));
    const valid = grants.find((grant) => isValidForProcessing(grant.status));
    if (valid) return fromGrant(true, "grant", valid);
    if (asset.permittedUses.includes(item.useType)) return { ...onAsset, permitted: true, reason: "policy" };
    const ended = grants.find((grant) => grant.status !== "ConsentRequested");
    return ended ? fromGrant(false, "consent_invalid", ended) : onAsset;
  }
}

function answer(permitted: boolean, reason: CheckAnswer["reason"]): CheckAnswer {
  return { permitted, reason, status: null, assetId: null, grantId: null, terms: null, log: null };
}

function fromGrant(permitted: boolean, reason: CheckAnswer["reason"], grant: IndexedGrant): CheckAnswer {
  return {
    permitted,
    reason,
    status: grant.status,
    assetId: grant.assetId,
    grantId: grant.id,
    terms: permitted ? grant.terms : null,
    log: grant.logIndex === null ? null : logReference(grant.logIndex),
  };
}

function sameAsset(a: IndexedAsset, b: IndexedAsset): boolean {
  const names = (asset: IndexedAsset) => asset.identifiers.map(({ scheme, value }) => `${scheme}:${value}`).join("\n");
  return (
    a.organizationId === b.organizationId &&
    a.sha256 === b.sha256 &&
    a.fingerprint === b.fingerprint &&
    names(a) === names(b) &&
    [...a.permittedUses].sort().join(",") === [...b.permittedUses].sort().join(",")
  );
}

/** Whether a scope covers one use: every dimension must, and a medium not named needs "any". */
export function covers(scope: Scope, item: CheckItem): boolean {
  return (
    scope.useTypes.includes(item.useType) &&
    (scope.generative || !item.generative) &&
    (scope.project === null || scope.project === item.project) &&
    (scope.media.includes("any") || (item.medium !== undefined && scope.media.includes(item.medium))) &&
    (scope.territories.includes("WORLD") || scope.territories.includes(item.territory)) &&
    scope.from <= item.date &&
    item.date <= scope.to
  );
}

function namesOf(asset: IndexedAsset): string[] {
  return asset.identifiers.map(({ scheme, value }) => `${scheme}:${value}`);
}

function bandsOf(fingerprint: string): number[] {
  return Array.from({ length: BANDS }, (_, i) => Number.parseInt(fingerprint.slice(i * 4, i * 4 + 4), 16));
}

export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}

/** Ids by key: most keys name one asset, kept bare; a list only when several share the key. */
type Ids<K> = Map<K, string | string[]>;

function addTo<K>(map: Ids<K>, key: K, id: string): void {
  const present = map.get(key);
  if (present === undefined) map.set(key, id);
  else if (typeof present === "string") {
    if (present !== id) map.set(key, [present, id]);
  } else if (!present.includes(id)) present.push(id);
}

function removeFrom<K>(map: Ids<K>, key: K, id: string): void {
  const present = map.get(key);
  if (present === id) map.delete(key);
  else if (Array.isArray(present)) {
    const kept = present.filter((other) => other !== id);
    if (kept.length === 0) map.delete(key);
    else map.set(key, kept.length === 1 ? (kept[0] as string) : kept);
  }
}

function idsAt<K>(map: Ids<K>, key: K): readonly string[] {
  const present = map.get(key);
  if (present === undefined) return [];
  return typeof present === "string" ? [present] : present;
}
