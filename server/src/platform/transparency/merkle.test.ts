import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  MemoryTree,
  nodeHash,
  rootAt,
  rootOf,
  subtreeHash,
  TreeFrontier,
  type TreeHashes,
  verifyConsistency,
  verifyInclusion,
} from "./merkle.ts";

const hex = (text: string) => new Uint8Array(Buffer.from(text, "hex"));
const b64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

// transparency-dev/merkle testonly/constants.go (LeafInputs, NodeHashes, RootHashes) and
// proof/verify_test.go (leaves, roots): the 8-leaf tree of the RFC 6962 reference tests.
const LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(
  hex,
);
const LEAF_HASHES = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
  "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
  "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
  "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
  "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
  "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
  "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
];
const LEVEL_1 = [
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
  "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
  "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
];
const LEVEL_2 = [
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
];
/** Indexed by tree size, 0 to 8. */
const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
].map(hex);

// transparency-dev/merkle proof/verify_test.go, inclusionProofs (its leaf numbers are 1-based;
// these indexes are 0-based).
const INCLUSION_VECTORS = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  { index: 2, size: 3, proof: ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
  {
    index: 1,
    size: 5,
    proof: [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
].map((v) => ({ ...v, proof: v.proof.map(hex) }));

// transparency-dev/merkle proof/verify_test.go, consistencyProofs.
const CONSISTENCY_VECTORS = [
  { oldSize: 1, newSize: 1, proof: [] },
  {
    oldSize: 1,
    newSize: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    proof: [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
  {
    oldSize: 6,
    newSize: 7,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
].map((v) => ({ ...v, proof: v.proof.map(hex) }));

// proof/verify_test.go: sha256SomeHash, a 32-byte value that is no node of the test tree.
const SOME_HASH = hex("abacaba000000000000000000000000000000000000000000060061e00123456");

/** A source with only the leaves: every subtree is computed. */
function leavesOnly(hashes: readonly Uint8Array[]): TreeHashes {
  return {
    leaf: async (index) => {
      const hash = hashes[index];
      if (!hash) throw new RangeError(`no leaf ${index}`);
      return hash;
    },
  };
}

function flipped(bytes: Uint8Array, at: number, bit = 0x08): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] as number) ^ bit;
  return copy;
}

function referenceTree(): MemoryTree {
  return new MemoryTree(LEAVES.map(leafHash));
}

describe("RFC 6962 hashing", () => {
  // transparency-dev/merkle rfc6962/rfc6962_test.go, TestRFC6962Hasher.
  it("hashes the empty tree, leaves and nodes with domain separation", () => {
    expect(toHex(emptyRoot())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(toHex(leafHash(new Uint8Array()))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    expect(toHex(leafHash(new TextEncoder().encode("L123456")))).toBe(
      "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56",
    );
    const text = (s: string) => new TextEncoder().encode(s);
    expect(toHex(nodeHash(text("N123"), text("N456")))).toBe(
      "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb",
    );
  });

  it("gives the reference leaf hashes, complete subtrees and roots of every size", async () => {
    const hashes = LEAVES.map(leafHash);
    expect(hashes.map(toHex)).toEqual(LEAF_HASHES);
    const tree = referenceTree();
    for (const [i, expected] of LEVEL_1.entries()) expect(toHex(await subtreeHash(i * 2, 1, tree))).toBe(expected);
    for (const [i, expected] of LEVEL_2.entries()) expect(toHex(await subtreeHash(i * 4, 2, tree))).toBe(expected);
    for (let size = 0; size <= 8; size++) {
      expect(rootOf(hashes.slice(0, size))).toEqual(ROOTS[size]);
      expect(await rootAt(size, tree)).toEqual(ROOTS[size]);
      expect(await rootAt(size, leavesOnly(hashes))).toEqual(ROOTS[size]);
      expect(await tree.root(size)).toEqual(ROOTS[size]);
    }
    await expect(subtreeHash(2, 2, tree)).rejects.toThrow(RangeError);
  });

  it("hashes inputs of any length, and never overwrites a hash it returned earlier", () => {
    const reference = (...parts: Uint8Array[]) => {
      const hash = createHash("sha256");
      for (const part of parts) hash.update(part);
      return new Uint8Array(hash.digest());
    };
    const next = random(20261208);
    const bytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(next() * 256));
    const earlier: [Uint8Array, Uint8Array][] = [];
    for (const length of [0, 1, 31, 32, 33, 64, 65, 232, 4094, 4095, 4096, 10_000]) {
      const entry = bytes(length);
      const hash = leafHash(entry);
      expect(hash).toEqual(reference(Uint8Array.of(0), entry));
      earlier.push([hash, hash.slice()]);
      const [left, right] = [bytes(32), bytes(length === 0 ? 32 : length)];
      const node = nodeHash(left, right);
      expect(node).toEqual(reference(Uint8Array.of(1), left, right));
      earlier.push([node, node.slice()]);
    }
    for (const [hash, copy] of earlier) expect(hash).toEqual(copy);
  });

  it("promotes an odd node instead of duplicating it", () => {
    const [a, b, c] = LEAVES.slice(0, 3).map(leafHash) as [Uint8Array, Uint8Array, Uint8Array];
    expect(rootOf([a, b, c])).toEqual(nodeHash(nodeHash(a, b), c));
    expect(rootOf([a, b, c])).not.toEqual(nodeHash(nodeHash(a, b), nodeHash(c, c)));
    // The root of two leaves is not the hash of a leaf holding their concatenation.
    expect(rootOf([a, b])).not.toEqual(leafHash(new Uint8Array([...a, ...b])));
  });
});

describe("inclusion proofs", () => {
  it("match the reference proofs, from stored subtrees and from leaves alone", async () => {
    const tree = referenceTree();
    const hashes = LEAVES.map(leafHash);
    for (const { index, size, proof } of INCLUSION_VECTORS) {
      expect(await inclusionProof(index, size, tree)).toEqual(proof);
      expect(await inclusionProof(index, size, leavesOnly(hashes))).toEqual(proof);
      expect(verifyInclusion(hashes[index] as Uint8Array, index, size, proof, ROOTS[size] as Uint8Array)).toBe(true);
    }
  });

  // The probes of proof/verify_test.go corruptInclusionProof: each must fail.
  it("fail for every corruption of the reference proofs", () => {
    const hashes = LEAVES.map(leafHash);
    for (const { index, size, proof } of INCLUSION_VECTORS) {
      const root = ROOTS[size] as Uint8Array;
      const leaf = hashes[index] as Uint8Array;
      const probes: [Uint8Array, number, number, Uint8Array[], Uint8Array][] = [
        [leaf, index - 1, size, proof, root],
        [leaf, index + 1, size, proof, root],
        [leaf, index ^ 2, size, proof, root],
        [leaf, index, size * 2, proof, root],
        [leaf, index, Math.floor(size / 2), proof, root],
        [new TextEncoder().encode("WrongLeaf"), index, size, proof, root],
        [SOME_HASH, index, size, proof, root],
        [leaf, index, size, proof, emptyRoot()],
        [leaf, index, size, proof, SOME_HASH],
        [leaf, index, size, [...proof, new Uint8Array()], root],
        [leaf, index, size, [...proof, root], root],
        [leaf, index, size, [new Uint8Array(), ...proof], root],
        [leaf, index, size, [root, ...proof], root],
      ];
      proof.forEach((_, i) => {
        probes.push([leaf, index, size, proof.map((p, j) => (j === i ? flipped(p, 0) : p)), root]);
      });
      if (proof.length > 0) probes.push([leaf, index, size, proof.slice(0, -1), root]);
      if (proof.length > 1)
        probes.push([leaf, index, size, [proof[0] as Uint8Array, SOME_HASH, ...proof.slice(1)], root]);
      for (const probe of probes) expect(verifyInclusion(...probe), JSON.stringify(probe.slice(1, 3))).toBe(false);
    }
  });

  // proof/verify_test.go TestVerifyInclusionSingleEntry and TestVerifyInclusion.
  it("reject wrong sizes, empty hashes and indexes outside the tree", () => {
    const hash = leafHash(new TextEncoder().encode("data"));
    expect(verifyInclusion(hash, 0, 1, [], hash)).toBe(true);
    expect(verifyInclusion(new Uint8Array(), 0, 1, [], hash)).toBe(false);
    expect(verifyInclusion(hash, 0, 1, [], new Uint8Array())).toBe(false);
    for (const [index, size] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
    ] as const) {
      expect(verifyInclusion(SOME_HASH, index, size, [], new Uint8Array())).toBe(false);
      expect(verifyInclusion(new Uint8Array(), index, size, [], emptyRoot())).toBe(false);
      expect(verifyInclusion(SOME_HASH, index, size, [], emptyRoot())).toBe(false);
    }
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(verifyInclusion(hash, bad, 1, [], hash)).toBe(false);
      expect(verifyInclusion(hash, 0, bad, [], hash)).toBe(false);
    }
    expect(verifyInclusion(hash, 0, 1, null as unknown as Uint8Array[], hash)).toBe(false);
    expect(verifyInclusion(hash, 0, 2, ["x" as unknown as Uint8Array], hash)).toBe(false);
  });

  it("are refused for an index outside the tree", async () => {
    const tree = referenceTree();
    await expect(inclusionProof(8, 8, tree)).rejects.toThrow(RangeError);
    await expect(inclusionProof(0, 0, tree)).rejects.toThrow(RangeError);
    await expect(inclusionProof(-1, 8, tree)).rejects.toThrow(RangeError);
  });
});

describe("consistency proofs", () => {
  it("match the reference proofs, from stored subtrees and from leaves alone", async () => {
    const tree = referenceTree();
    const hashes = LEAVES.map(leafHash);
    for (const { oldSize, newSize, proof } of CONSISTENCY_VECTORS) {
      expect(await consistencyProof(oldSize, newSize, tree)).toEqual(proof);
      expect(await consistencyProof(oldSize, newSize, leavesOnly(hashes))).toEqual(proof);
      const [oldRoot, newRoot] = [ROOTS[oldSize], ROOTS[newSize]] as [Uint8Array, Uint8Array];
      expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof)).toBe(true);
    }
  });

  // consistencyProofs of proof/verify_test.go, written as tlog JSON in testdata/consistency/1/happy-path.json.
  it("verify the reference happy path as published in base64", () => {
    const proof = [
      "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
      "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
      "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
    ].map(b64);
    const root1 = b64("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=");
    const root2 = b64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
    expect(verifyConsistency(1, 8, root1, root2, proof)).toBe(true);
  });

  // The probes of proof/verify_test.go corruptConsistencyProof: each must fail.
  it("fail for every corruption of the reference proofs", () => {
    for (const { oldSize, newSize, proof } of CONSISTENCY_VECTORS) {
      if (proof.length === 0) continue;
      const [root1, root2] = [ROOTS[oldSize], ROOTS[newSize]] as [Uint8Array, Uint8Array];
      const wrongRoot = new TextEncoder().encode("WrongRoot");
      const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        [oldSize - 1, newSize, root1, root2, proof],
        [oldSize + 1, newSize, root1, root2, proof],
        [oldSize ^ 2, newSize, root1, root2, proof],
        [oldSize, newSize * 2, root1, root2, proof],
        [oldSize, Math.floor(newSize / 2), root1, root2, proof],
        [oldSize, newSize, wrongRoot, root2, proof],
        [oldSize, newSize, root1, wrongRoot, proof],
        [oldSize, newSize, root2, root1, proof],
        [oldSize, newSize, root1, root2, []],
        [oldSize, newSize, root1, root2, [...proof, new Uint8Array()]],
        [oldSize, newSize, root1, root2, [...proof, root1]],
        [oldSize, newSize, root1, root2, [...proof, root2]],
        [oldSize, newSize, root1, root2, [new Uint8Array(), ...proof]],
        [oldSize, newSize, root1, root2, [root1, ...proof]],
        [oldSize, newSize, root1, root2, [root2, ...proof]],
        [oldSize, newSize, root1, root2, [proof[0] as Uint8Array, ...proof]],
        [oldSize, newSize, root1, root2, proof.slice(0, -1)],
      ];
      proof.forEach((_, i) => {
        probes.push([oldSize, newSize, root1, root2, proof.map((p, j) => (j === i ? flipped(p, 0, 0x10) : p))]);
      });
      for (const probe of probes) expect(verifyConsistency(...probe), JSON.stringify(probe.slice(0, 2))).toBe(false);
    }
  });

  // proof/verify_test.go TestVerifyConsistency, with real hashes: the Go test accepts any root for
  // size 0 ("don't care"); here a tree of size 0 has the empty root and nothing else.
  it("handle empty and equal sizes, and refuse going back in time", () => {
    const [r1, r2] = [ROOTS[1], ROOTS[2]] as [Uint8Array, Uint8Array];
    const empty = emptyRoot();
    expect(verifyConsistency(0, 0, empty, empty, [])).toBe(true);
    expect(verifyConsistency(0, 1, empty, r1, [])).toBe(true);
    expect(verifyConsistency(1, 1, r1, r1, [])).toBe(true);
    expect(verifyConsistency(0, 0, empty, r1, [])).toBe(false);
    expect(verifyConsistency(0, 1, r2, r1, [])).toBe(false);
    expect(verifyConsistency(1, 1, r1, r2, [])).toBe(false);
    expect(verifyConsistency(1, 0, r1, empty, [])).toBe(false);
    expect(verifyConsistency(2, 1, r2, r1, [])).toBe(false);
    expect(verifyConsistency(1, 2, r1, r2, [])).toBe(false);
    expect(verifyConsistency(0, 0, empty, empty, [empty])).toBe(false);
    expect(verifyConsistency(0, 1, empty, r1, [empty])).toBe(false);
    expect(verifyConsistency(1, 1, r1, r1, [empty])).toBe(false);
    for (const bad of [-1, 0.5, Number.NaN, 2 ** 53]) {
      expect(verifyConsistency(bad, 2, r1, r2, [])).toBe(false);
      expect(verifyConsistency(1, bad, r1, r2, [])).toBe(false);
    }
    expect(verifyConsistency(1, 2, r1, r2, undefined as unknown as Uint8Array[])).toBe(false);
  });

  it("are refused when the old tree is larger", async () => {
    await expect(consistencyProof(3, 2, referenceTree())).rejects.toThrow(RangeError);
    expect(await consistencyProof(0, 8, referenceTree())).toEqual([]);
  });
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("random trees", () => {
  const next = random(20261123);
  const entries = Array.from({ length: 300 }, () =>
    Uint8Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256)),
  );
  const hashes = entries.map(leafHash);
  const tree = new MemoryTree(hashes);
  const plain = leavesOnly(hashes);
  const roots = Array.from({ length: hashes.length + 1 }, (_, size) => rootOf(hashes.slice(0, size)));
  const sizes = (max: number) =>
    max <= 40
      ? Array.from({ length: max }, (_, i) => i + 1)
      : Array.from({ length: 8 }, () => 1 + Math.floor(next() * max));

  it("agree with the in-memory root at every size", async () => {
    for (let size = 0; size <= hashes.length; size++) expect(await tree.root(size)).toEqual(roots[size]);
  });

  it("give the same root from the right edge alone, at every size, from leaf hashes or entries", () => {
    const [fromHashes, fromEntries] = [new TreeFrontier(), new TreeFrontier()];
    expect(fromHashes.root()).toEqual(roots[0]);
    for (const [index, hash] of hashes.entries()) {
      expect(fromHashes.append(hash)).toBe(index);
      expect(fromEntries.appendEntry(entries[index] as Uint8Array)).toBe(index);
      expect(fromHashes.size).toBe(index + 1);
      expect(fromHashes.root()).toEqual(roots[index + 1]);
      expect(fromEntries.root()).toEqual(roots[index + 1]);
    }
  });

  it("prove every leaf included, and no proof survives a flipped byte or a wrong index or size", async () => {
    for (let size = 1; size <= hashes.length; size++) {
      const root = roots[size] as Uint8Array;
      const indexes = size <= 64 ? [...Array(size).keys()] : [0, size - 1, ...sizes(size - 1)];
      for (const index of indexes) {
        const leaf = hashes[index] as Uint8Array;
        const proof = await tree.inclusionProof(index, size);
        expect(await inclusionProof(index, size, plain)).toEqual(proof);
        expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);
        const at = Math.floor(next() * 32);
        expect(verifyInclusion(flipped(leaf, at, 1), index, size, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, index, size, proof, flipped(root, at, 1))).toBe(false);
        proof.forEach((_, i) => {
          const bad = proof.map((p, j) => (j === i ? flipped(p, at, 1) : p));
          expect(verifyInclusion(leaf, index, size, bad, root)).toBe(false);
        });
        if (size > 1) expect(verifyInclusion(leaf, (index + 1) % size, size, proof, root)).toBe(false);
        // The size is bound by the checkpoint, not by the proof: a tree of another size in which the
        // leaf's path has the same shape gives the same hashes. A path of another length must fail.
        for (const other of [size + 1, size - 1, size * 2, Math.floor(size / 2)]) {
          if (index >= other || other > hashes.length) continue;
          if ((await tree.inclusionProof(index, other)).length === proof.length) continue;
          expect(verifyInclusion(leaf, index, other, proof, root)).toBe(false);
        }
      }
    }
  });

  it("prove every pair of sizes consistent, and no proof survives a flipped byte or a wrong size", async () => {
    let checked = 0;
    for (let newSize = 1; newSize <= hashes.length; newSize++) {
      const oldSizes =
        newSize <= 40 ? Array.from({ length: newSize }, (_, i) => i + 1) : [1, newSize, ...sizes(newSize)];
      for (const oldSize of oldSizes) {
        const [oldRoot, newRoot] = [roots[oldSize], roots[newSize]] as [Uint8Array, Uint8Array];
        const proof = await tree.consistencyProof(oldSize, newSize);
        expect(await consistencyProof(oldSize, newSize, plain)).toEqual(proof);
        expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof)).toBe(true);
        checked++;
        if (oldSize === newSize) continue;
        const at = Math.floor(next() * 32);
        expect(verifyConsistency(oldSize, newSize, flipped(oldRoot, at, 1), newRoot, proof)).toBe(false);
        expect(verifyConsistency(oldSize, newSize, oldRoot, flipped(newRoot, at, 1), proof)).toBe(false);
        proof.forEach((_, i) => {
          const bad = proof.map((p, j) => (j === i ? flipped(p, at, 1) : p));
          expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, bad)).toBe(false);
        });
        // As for inclusion, only a proof of another length is bound to fail with the wrong sizes.
        for (const [o, n] of [
          [oldSize + 1, newSize],
          [oldSize - 1, newSize],
          [oldSize, newSize + 1],
          [oldSize, newSize - 1],
          [oldSize, newSize * 2],
          [oldSize ^ 2, newSize],
        ] as const) {
          if (o < 1 || o > n || n > hashes.length || (o === oldSize && n === newSize)) continue;
          if ((await tree.consistencyProof(o, n)).length === proof.length) continue;
          expect(verifyConsistency(o, n, oldRoot, newRoot, proof)).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it("a different entry anywhere gives a different root", () => {
    const changed = [...hashes];
    changed[137] = leafHash(new TextEncoder().encode("changed"));
    expect(rootOf(changed)).not.toEqual(roots[300]);
    expect(rootOf(changed.slice(0, 137))).toEqual(roots[137]);
  });
});

describe("stored subtrees", () => {
  it("make roots and proofs of a large tree need O(log n) lookups", async () => {
    const size = 2 ** 18 + 3;
    const depth = Math.ceil(Math.log2(size));
    const tree = new MemoryTree();
    const counter = new Uint8Array(4);
    const view = new DataView(counter.buffer);
    for (let i = 0; i < size; i++) {
      view.setUint32(0, i);
      tree.append(leafHash(counter));
    }
    let lookups = 0;
    const counted: TreeHashes = {
      leaf: (index) => {
        lookups++;
        return tree.leaf(index);
      },
      subtree: (start, level) => {
        lookups++;
        return tree.subtree(start, level);
      },
    };
    const root = await rootAt(size, counted);
    expect(lookups).toBeLessThanOrEqual(depth);
    lookups = 0;
    const proof = await inclusionProof(123_456, size, counted);
    expect(lookups).toBeLessThanOrEqual(2 * depth);
    expect(verifyInclusion(await tree.leaf(123_456), 123_456, size, proof, root)).toBe(true);
    lookups = 0;
    const oldRoot = await rootAt(200_001, tree);
    const consistency = await consistencyProof(200_001, size, counted);
    expect(lookups).toBeLessThanOrEqual(3 * depth);
    expect(verifyConsistency(200_001, size, oldRoot, root, consistency)).toBe(true);
  });

  it("is refused with the wrong length", () => {
    expect(() => new MemoryTree().append(new Uint8Array(31))).toThrow(TypeError);
  });
});

describe("tree frontier", () => {
  it("matches the full tree at powers of two, their neighbours and random sizes of a larger tree", async () => {
    const next = random(20261208);
    const size = 2 ** 15 + 5;
    const wanted = new Set<number>();
    for (let k = 1; k <= size; k *= 2) for (const n of [k - 1, k, k + 1]) wanted.add(n);
    for (let i = 0; i < 40; i++) wanted.add(1 + Math.floor(next() * size));
    wanted.add(size);
    const tree = new MemoryTree();
    const frontier = new TreeFrontier();
    const counter = new Uint8Array(4);
    const view = new DataView(counter.buffer);
    let compared = 0;
    for (let i = 0; i < size; i++) {
      view.setUint32(0, i);
      const hash = leafHash(counter);
      tree.append(hash);
      frontier.append(hash);
      if (wanted.has(frontier.size)) {
        expect(frontier.root()).toEqual(await tree.root());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(70);
  });

  it("refuses a leaf hash of the wrong length", () => {
    const frontier = new TreeFrontier();
    expect(() => frontier.append(new Uint8Array(33))).toThrow(TypeError);
    expect(frontier.size).toBe(0);
  });
});
