import { describe, expect, it } from "vitest";
import type { ProofBundle } from "../../../../common/transparency.ts";
import {
  decodeBase64 as commonDecodeBase64,
  encodeBase64 as commonEncodeBase64,
  openNote as commonOpenNote,
  parseVerifierKey as commonParseVerifierKey,
  parseProofBundle,
  verifyProofBundle,
  webCryptoVerifier,
} from "../../../../common/transparency-verify.ts";
import { decodeBase64, encodeBase64 } from "./base64.ts";
import { signCheckpoint } from "./checkpoint.ts";
import { leafHash, MemoryTree } from "./merkle.ts";
import { generateNoteKeys, parseSignerKey } from "./note.ts";

// The browser's verifier (common/transparency-verify.ts) against bundles made with the server's tree
// and notes, with Node's WebCrypto standing in for the browser's.
const crypto = webCryptoVerifier(globalThis.crypto.subtle);
const ORIGIN = "guildhall.test/log";
const utf8 = (text: string) => new TextEncoder().encode(text);

// golang.org/x/mod sumdb/note/note_test.go, as in note.test.ts.
const PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const ENOCH_VERIFIER = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const ENOCH_SIG =
  "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
// transparency-dev/formats log/note_test.go, as in checkpoint.test.ts.
const SUMDB_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
const SUMDB_CHECKPOINT = `go.sum database tree
6476701
mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=

— sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=
`;

interface Log {
  entries: string[];
  tree: MemoryTree;
  verifierKey: string;
  bundle(index: number, treeSize: number): Promise<ProofBundle>;
}

async function makeLog(count: number, origin = ORIGIN): Promise<Log> {
  const entries = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ kind: "report.status", n: i, note: i % 3 === 0 ? "Ünïcödé — ✓" : "plain" }),
  );
  const tree = new MemoryTree(entries.map((entry) => leafHash(utf8(entry))));
  const keys = await generateNoteKeys("guildhall.test");
  const signer = await parseSignerKey(keys.signerKey);
  return {
    entries,
    tree,
    verifierKey: keys.verifierKey,
    async bundle(index, treeSize) {
      const root = await tree.root(treeSize);
      return {
        origin,
        index,
        entry: entries[index] as string,
        treeSize,
        proof: (await tree.inclusionProof(index, treeSize)).map(encodeBase64),
        checkpoint: await signCheckpoint({ origin, size: treeSize, root }, [signer]),
      };
    },
  };
}

async function problemOf(bundle: ProofBundle, keys: string[]): Promise<string> {
  const verdict = await verifyProofBundle(bundle, keys, crypto);
  return verdict.ok ? "ok" : verdict.problem;
}

describe("verifyProofBundle", () => {
  it("accepts the server's bundles for every index of several tree sizes", async () => {
    const log = await makeLog(70);
    for (const size of [1, 2, 3, 7, 8, 9, 31, 64, 70]) {
      for (let index = 0; index < size; index++) {
        const bundle = await log.bundle(index, size);
        const verdict = await verifyProofBundle(bundle, [log.verifierKey], crypto);
        expect(verdict, `index ${index} of ${size}`).toEqual({
          ok: true,
          index,
          signedBy: log.verifierKey,
          checkpoint: { origin: ORIGIN, size, root: encodeBase64(await log.tree.root(size)) },
        });
      }
    }
  });

  it("accepts a bundle when the log's key is one of several given, retired keys included", async () => {
    const log = await makeLog(5);
    const other = await generateNoteKeys("guildhall.test");
    expect(await problemOf(await log.bundle(3, 5), [other.verifierKey, log.verifierKey])).toBe("ok");
  });

  it("refuses a changed entry, proof, index or size", async () => {
    const log = await makeLog(13);
    const bundle = await log.bundle(6, 13);
    expect(await problemOf({ ...bundle, entry: bundle.entry.replace('"n":6', '"n":7') }, [log.verifierKey])).toBe(
      "inclusion",
    );
    expect(bundle.entry).toContain('"n":6');
    expect(await problemOf({ ...bundle, entry: `${bundle.entry} ` }, [log.verifierKey])).toBe("inclusion");
    const changedHash = decodeBase64(bundle.proof[1] as string) as Uint8Array;
    changedHash[0] = (changedHash[0] as number) ^ 1;
    const proof = bundle.proof.with(1, encodeBase64(changedHash));
    expect(await problemOf({ ...bundle, proof }, [log.verifierKey])).toBe("inclusion");
    expect(await problemOf({ ...bundle, proof: bundle.proof.slice(1) }, [log.verifierKey])).toBe("inclusion");
    expect(await problemOf({ ...bundle, proof: [...bundle.proof, bundle.proof[0] as string] }, [log.verifierKey])).toBe(
      "inclusion",
    );
    for (const index of [5, 7, 4, 12, 13, 100]) {
      expect(await problemOf({ ...bundle, index }, [log.verifierKey]), `index ${index}`).toBe("inclusion");
    }
    // Another entry's bundle with this entry's text.
    expect(await problemOf({ ...(await log.bundle(7, 13)), entry: bundle.entry }, [log.verifierKey])).toBe("inclusion");
    expect(await problemOf({ ...bundle, treeSize: 12 }, [log.verifierKey])).toBe("size");
    expect(await problemOf({ ...bundle, treeSize: 14 }, [log.verifierKey])).toBe("size");
  });

  it("refuses a checkpoint signed by another key, changed after signing, or from another origin", async () => {
    const log = await makeLog(9);
    const other = await makeLog(9);
    const bundle = await log.bundle(2, 9);
    expect(await problemOf(bundle, [other.verifierKey])).toBe("signature");
    expect(await problemOf(await other.bundle(2, 9), [log.verifierKey])).toBe("signature");
    // The size changed in the signed text: the signature no longer verifies.
    const resized = bundle.checkpoint.replace(`${ORIGIN}\n9\n`, `${ORIGIN}\n10\n`);
    expect(resized).not.toBe(bundle.checkpoint);
    expect(await problemOf({ ...bundle, checkpoint: resized, treeSize: 10 }, [log.verifierKey])).toBe("signature");
    // A changed signature.
    const lines = bundle.checkpoint.split("\n");
    const sigLine = lines[4] as string;
    const flipped = sigLine.slice(0, -3) + (sigLine.at(-3) === "A" ? "B" : "A") + sigLine.slice(-2);
    expect(await problemOf({ ...bundle, checkpoint: lines.with(4, flipped).join("\n") }, [log.verifierKey])).toBe(
      "signature",
    );
    // A checkpoint with its signature removed.
    expect(await problemOf({ ...bundle, checkpoint: `${lines.slice(0, 3).join("\n")}\n` }, [log.verifierKey])).toBe(
      "malformed",
    );
    // Signed for another origin, or the bundle claims another.
    const elsewhere = await makeLog(9, "elsewhere.test/log");
    const foreign = await elsewhere.bundle(2, 9);
    expect(await problemOf({ ...foreign, origin: ORIGIN }, [elsewhere.verifierKey])).toBe("origin");
    expect(await problemOf({ ...bundle, origin: "guildhall.test/other" }, [log.verifierKey])).toBe("origin");
  });

  it("refuses malformed bundles and keys as malformed, never throwing", async () => {
    const log = await makeLog(4);
    const bundle = await log.bundle(1, 4);
    expect(await problemOf({ ...bundle, proof: ["not base64!"] }, [log.verifierKey])).toBe("malformed");
    expect(await problemOf({ ...bundle, proof: ["AAAA"] }, [log.verifierKey])).toBe("malformed");
    // A non-canonical spelling of the same hash (padding bits set) is refused, as base64.ts does.
    const last = bundle.proof[0] as string;
    const noncanonical = `${last.slice(0, -2)}${last.at(-2) === "E" ? "F" : String.fromCharCode(last.charCodeAt(last.length - 2) + 1)}=`;
    expect(await problemOf({ ...bundle, proof: [noncanonical, ...bundle.proof.slice(1)] }, [log.verifierKey])).not.toBe(
      "ok",
    );
    expect(await problemOf({ ...bundle, index: -1 }, [log.verifierKey])).toBe("malformed");
    expect(await problemOf({ ...bundle, index: 1.5 }, [log.verifierKey])).toBe("malformed");
    expect(await problemOf({ ...bundle, checkpoint: "garbage" }, [log.verifierKey])).toBe("malformed");
    expect(
      await problemOf({ ...bundle, checkpoint: bundle.checkpoint.replace("\u2014", "-") }, [log.verifierKey]),
    ).toBe("malformed");
    expect(await problemOf(bundle, ["not a key"])).toBe("malformed");
    expect(await problemOf(bundle, [])).toBe("malformed");
    const [name, hash, key] = log.verifierKey.split("+") as [string, string, string];
    const wrongHash = `${name}+${hash === "00000000" ? "00000001" : "00000000"}+${key}`;
    expect(await problemOf(bundle, [wrongHash])).toBe("malformed");
    expect(await problemOf({ ...bundle, proof: "x" } as unknown as ProofBundle, [log.verifierKey])).toBe("malformed");
    expect(await problemOf(null as unknown as ProofBundle, [log.verifierKey])).toBe("malformed");

    expect(parseProofBundle(JSON.stringify(bundle))).toEqual({ ok: true, bundle });
    expect(parseProofBundle("{").ok).toBe(false);
    expect(parseProofBundle(JSON.stringify({ ...bundle, proof: undefined })).ok).toBe(false);
    expect(parseProofBundle("[]")).toMatchObject({ ok: false, problem: "malformed" });
  });

  it("checks a real checkpoint (sum.golang.org's) up to the inclusion proof", async () => {
    const bundle: ProofBundle = {
      origin: "go.sum database tree",
      index: 0,
      entry: "",
      treeSize: 6476701,
      proof: [],
      checkpoint: SUMDB_CHECKPOINT,
    };
    expect(await problemOf(bundle, [SUMDB_KEY])).toBe("inclusion");
    expect(await problemOf({ ...bundle, treeSize: 6476700 }, [SUMDB_KEY])).toBe("size");
    expect(await problemOf({ ...bundle, origin: "go.sum" }, [SUMDB_KEY])).toBe("origin");
    expect(
      await problemOf({ ...bundle, checkpoint: SUMDB_CHECKPOINT.replace("6476701", "6476702") }, [SUMDB_KEY]),
    ).toBe("signature");
    expect(await problemOf(bundle, [PETER_VERIFIER])).toBe("signature");
  });
});

describe("the common verifier's note and key reading", () => {
  it("reads the published verifier keys with the IDs Go computes", async () => {
    const peter = await commonParseVerifierKey(PETER_VERIFIER, crypto);
    expect(peter.name).toBe("PeterNeumann");
    expect(peter.keyHash).toBe(0xc74f20a3);
    expect((await commonParseVerifierKey(ENOCH_VERIFIER, crypto)).keyHash).toBe(0xaf0cfe78);
    expect((await commonParseVerifierKey(SUMDB_KEY, crypto)).keyHash).toBe(0x033de0ae);
    const changed = PETER_VERIFIER.replace("c74f20a3", "c74f20a4");
    await expect(commonParseVerifierKey(changed, crypto)).rejects.toThrow(/ID/);
  });

  it("opens the published notes signed by Peter and Enoch", async () => {
    const peter = await commonParseVerifierKey(PETER_VERIFIER, crypto);
    const enoch = await commonParseVerifierKey(ENOCH_VERIFIER, crypto);
    const note = `${TEXT}\n${PETER_SIG}`;
    expect((await commonOpenNote(note, [peter], crypto)).text).toBe(TEXT);
    const both = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    expect((await commonOpenNote(both, [enoch], crypto)).signedBy.name).toBe("EnochRoot");
    expect((await commonOpenNote(both, [peter, enoch], crypto)).signedBy.name).toBe("PeterNeumann");
    await expect(commonOpenNote(note, [enoch], crypto)).rejects.toThrow(/None of the given keys/);
    await expect(commonOpenNote(`${TEXT.replace("you", "we")}\n${PETER_SIG}`, [peter], crypto)).rejects.toThrow(
      /does not verify/,
    );
    await expect(commonOpenNote(TEXT, [peter], crypto)).rejects.toThrow(/well-formed/);
  });

  it("decodes and encodes base64 as base64.ts does", () => {
    const samples = [
      "",
      "AA==",
      "AAA=",
      "AAAA",
      "+/+/",
      "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZ",
    ];
    for (const text of [...samples, "AB==", "A===", "AAA", "AA=A", " AAA", "AA-_", "QQ==\n"]) {
      expect(commonDecodeBase64(text), text).toEqual(decodeBase64(text));
    }
    for (let n = 0; n < 40; n++) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(n));
      expect(commonEncodeBase64(bytes)).toBe(encodeBase64(bytes));
      expect(commonDecodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
  });
});
