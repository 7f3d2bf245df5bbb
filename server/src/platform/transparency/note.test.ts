import { describe, expect, it } from "vitest";
import {
  formatVerifierKey,
  generateNoteKeys,
  isValidKeyName,
  MAX_SIGNATURES,
  NoteError,
  type NoteVerifier,
  noteKeyHash,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from "./note.ts";

// golang.org/x/mod sumdb/note/note_test.go (TestNewVerifier, TestNewSigner, TestSign, TestOpen).
const PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const ENOCH_VERIFIER = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const ENOCH_SIG =
  "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
const PETER = {
  name: "PeterNeumann",
  keyHash: 0xc74f20a3,
  base64: "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
};
const ENOCH = {
  name: "EnochRoot",
  keyHash: 0xaf0cfe78,
  base64: "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=",
};

// github.com/transparency-dev/formats log/note_test.go: signer and verifier key pairs.
const FORMATS_KEY_PAIRS = [
  [
    "PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ",
    "Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs",
  ],
  [
    "PRIVATE+KEY+Known+451c786d+AQPRoE2+Z+Ed1HaHBA9F/FfracvcZ2rDU39kCecMEoci",
    "Known+451c786d+AXAQ0T7lbwuY4ABJ9/MYY9bWV3hmSyOGVt2x42NkmdUH",
  ],
  [
    "PRIVATE+KEY+KnownAgain+4893b26c+ARhZda/l25zjGZswYLDZsLNRzNpmv5wYTN9IoTr1OJ2+",
    "KnownAgain+4893b26c+AQ+LR7BFF/F/dkpIBjBpSvT0crkteizuUkavAoGeaYMj",
  ],
  [
    "PRIVATE+KEY+Unknown+fdbb2e08+Aav2knTC6orbhXX8pMWuNiWgO+Wwk2DB+h1eU2Q1W1nU",
    "Unknown+fdbb2e08+AWgRIYZ+8x1Vl+1Q+sR8zciNHiYI1SdlBjNw+RV0rots",
  ],
];

async function rejection(promise: Promise<unknown>): Promise<NoteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof NoteError)) throw new Error(`expected a NoteError, got ${String(error)}`);
  return error;
}

describe("note keys", () => {
  it("read the reference verifier and signer keys, whose IDs match", async () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    expect(peter.name).toBe("PeterNeumann");
    expect(peter.keyHash).toBe(0xc74f20a3);
    expect(noteKeyHash(peter.name, peter.publicKey)).toBe(0xc74f20a3);
    expect(formatVerifierKey(peter.name, peter.publicKey)).toBe(PETER_VERIFIER);
    const signer = await parseSignerKey(PETER_SIGNER);
    expect(signer.keyHash).toBe(0xc74f20a3);
    expect(formatVerifierKey(signer.name, signer.publicKey)).toBe(PETER_VERIFIER);
    for (const [signerKey, verifierKey] of FORMATS_KEY_PAIRS as [string, string][]) {
      const s = await parseSignerKey(signerKey);
      expect(formatVerifierKey(s.name, s.publicKey)).toBe(verifierKey);
      expect(parseVerifierKey(verifierKey)).toEqual({ name: s.name, keyHash: s.keyHash, publicKey: s.publicKey });
    }
    // sum.golang.org's key: its base64 holds "+".
    expect(parseVerifierKey("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8").keyHash).toBe(
      0x033de0ae,
    );
  });

  it("refuse every truncation and every changed character of the reference keys", async () => {
    const bad = (key: string) => {
      expect(() => parseVerifierKey(key), key).toThrow(NoteError);
    };
    for (let i = 0; i <= PETER_VERIFIER.length; i++) {
      for (let j = i + 1; j <= PETER_VERIFIER.length; j++) {
        if (i !== 0 || j !== PETER_VERIFIER.length) bad(PETER_VERIFIER.slice(i, j));
      }
    }
    for (let i = 0; i < PETER_VERIFIER.length; i++) {
      bad(
        PETER_VERIFIER.slice(0, i) +
          String.fromCharCode(PETER_VERIFIER.charCodeAt(i) + 1) +
          PETER_VERIFIER.slice(i + 1),
      );
    }
    // note_test.go: a key of the wrong length, and an unknown algorithm, each with a matching key ID.
    bad("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
    bad("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");

    const variants: string[] = [];
    for (let i = 0; i <= PETER_SIGNER.length; i++) {
      for (let j = i + 1; j <= PETER_SIGNER.length; j++) {
        if (i !== 0 || j !== PETER_SIGNER.length) variants.push(PETER_SIGNER.slice(i, j));
      }
    }
    for (let i = 0; i < PETER_SIGNER.length; i++) {
      variants.push(
        PETER_SIGNER.slice(0, i) + String.fromCharCode(PETER_SIGNER.charCodeAt(i) + 1) + PETER_SIGNER.slice(i + 1),
      );
    }
    for (const key of variants) expect((await rejection(parseSignerKey(key))).code).toBe("malformed_key");
  });

  it("are generated as a matching pair", async () => {
    const { signerKey, verifierKey } = await generateNoteKeys("guildhall.example/log");
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+guildhall\.example\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    const signer = await parseSignerKey(signerKey);
    expect(parseVerifierKey(verifierKey)).toEqual({
      name: signer.name,
      keyHash: signer.keyHash,
      publicKey: signer.publicKey,
    });
    const other = await generateNoteKeys("guildhall.example/log");
    expect(other.verifierKey).not.toBe(verifierKey);
    await expect(generateNoteKeys("two words")).rejects.toThrow(NoteError);
  });

  it("have names without spaces or plus signs", () => {
    expect(isValidKeyName("example.com/log42")).toBe(true);
    expect(isValidKeyName("Señor-1")).toBe(true);
    for (const name of ["", "a b", "a+b", "a\tb", "a\u00a0b", "a\u2028b", "a\u0085b", "a\u3000b", "\ud800"]) {
      expect(isValidKeyName(name), JSON.stringify(name)).toBe(false);
    }
  });
});

describe("signed notes", () => {
  it("sign exactly as the reference implementation", async () => {
    const signer = await parseSignerKey(PETER_SIGNER);
    expect(await signNote(TEXT, [signer])).toBe(`${TEXT}\n${PETER_SIG}`);
    // An earlier signature by the same key is replaced, not repeated.
    expect(await signNote(TEXT, [signer], [{ ...PETER, base64: "BADSIGN=" }])).toBe(`${TEXT}\n${PETER_SIG}`);
    expect(await signNote(TEXT, [], [PETER, ENOCH])).toBe(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`);
  });

  it("refuse to sign a malformed text or keep a malformed signature", async () => {
    const signer = await parseSignerKey(PETER_SIGNER);
    for (const text of ["abc", "", "a\rb\n", "tab\there\n", "\ud800\n"]) {
      expect((await rejection(signNote(text, [signer]))).code).toBe("malformed_note");
    }
    expect((await rejection(signNote(TEXT, []))).code).toBe("malformed_note");
    expect((await rejection(signNote(TEXT, [], [{ name: "a+b", keyHash: 0, base64: "ABCD" }]))).code).toBe(
      "malformed_note",
    );
    expect((await rejection(signNote(TEXT, [], [{ ...PETER, base64: "BADHASH=" }]))).code).toBe("malformed_note");
    expect((await rejection(signNote(TEXT, [{ ...signer, name: "bad name" }]))).code).toBe("malformed_key");
  });

  it("open with the known keys, keeping the others' signatures apart", async () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    const enoch = parseVerifierKey(ENOCH_VERIFIER);
    const message = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;

    const one = await openNote(message, [peter]);
    expect(one).toEqual({ text: TEXT, verified: [PETER], unverified: [ENOCH] });
    expect(await openNote(message, [peter, enoch])).toEqual({ text: TEXT, verified: [PETER, ENOCH], unverified: [] });
    expect(await openNote(new TextEncoder().encode(message), [peter])).toEqual(one);

    const none = await rejection(openNote(message, []));
    expect(none.code).toBe("unverified");
    expect(none.note).toEqual({ text: TEXT, verified: [], unverified: [PETER, ENOCH] });
  });

  it("refuse a known key listed twice only when it signed", async () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    const enoch = parseVerifierKey(ENOCH_VERIFIER);
    expect((await rejection(openNote(`${TEXT}\n${ENOCH_SIG}`, [enoch, peter, enoch]))).code).toBe("ambiguous_key");
    expect((await openNote(`${TEXT}\n${PETER_SIG}`, [enoch, peter, enoch])).verified).toEqual([PETER]);
  });

  it("refuse a signature by a known key that does not verify", async () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    // note_test.go cuts at byte 60; the em dash is 3 bytes in UTF-8 and 1 code unit here, hence 58.
    const broken = `${PETER_SIG.slice(0, 58)}ABCD${PETER_SIG.slice(58)}`;
    expect((await rejection(openNote(`${TEXT}\n${broken}`, [peter]))).code).toBe("invalid_signature");
    // Stricter than Go, which skips a second line by a key it has verified: every line is checked.
    expect((await rejection(openNote(`${TEXT}\n${PETER_SIG}${broken}`, [peter]))).code).toBe("invalid_signature");
    const otherText = TEXT.replace("problem,", "problem;");
    expect((await rejection(openNote(`${otherText}\n${PETER_SIG}`, [peter]))).code).toBe("invalid_signature");
  });

  it("drop repeated signatures, verified and not", async () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    const enochABCD = `${ENOCH_SIG.slice(0, 58)}ABCD${ENOCH_SIG.slice(58)}`;
    const opened = await openNote(`${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${enochABCD}`, [peter]);
    expect(opened.verified).toEqual([PETER]);
    expect(opened.unverified).toEqual([
      ENOCH,
      { ...ENOCH, base64: `${ENOCH.base64.slice(0, 46)}ABCD${ENOCH.base64.slice(46)}` },
    ]);
  });

  it("ignore a signature that shares only the name or only the ID of a known key", async () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    const sameIdOtherName: NoteVerifier = { ...peter, name: "CarmenSandiego" };
    const sameNameOtherId: NoteVerifier = { ...peter, keyHash: 0xc74f20a4 };
    for (const known of [sameIdOtherName, sameNameOtherId]) {
      expect((await rejection(openNote(`${TEXT}\n${PETER_SIG}`, [known]))).code).toBe("unverified");
    }
  });

  it("refuse malformed notes", async () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    const bad = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\u0001${TEXT}\n${PETER_SIG}`,
      `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n${PETER_SIG.repeat(MAX_SIGNATURES + 1)}`,
      `${TEXT}\n- PeterNeumann ${PETER.base64}\n`,
      `${TEXT}\n— PeterNeumann\n`,
      `${TEXT}\n— PeterNeumann  ${PETER.base64}\n`,
      `${TEXT}\n— PeterNeumann ${PETER.base64.replace("=", "")}\n`,
      `${TEXT}\n— PeterNeumann AAAAAA==\n`,
      `${TEXT}\n— PeterNeumann ${PETER.base64}\r\n`,
    ];
    for (const message of bad) {
      expect((await rejection(openNote(message, [peter]))).code, JSON.stringify(message)).toBe("malformed_note");
    }
    // "\xff" before the text: not UTF-8.
    const bytes = new Uint8Array([0xff, ...new TextEncoder().encode(`${TEXT}\n${PETER_SIG}`)]);
    expect((await rejection(openNote(bytes, [peter]))).code).toBe("malformed_note");
  });

  it("accept the C2SP example, whose text holds a blank line", async () => {
    // c2sp.org/signed-note, the example at the top (its key is not published: the signature stays unverified).
    const text = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n";
    const sig = "NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=";
    const error = await rejection(openNote(`${text}\n— quasimodo.example/salvatore ${sig}\n`, []));
    expect(error.code).toBe("unverified");
    expect(error.note?.text).toBe(text);
    expect(error.note?.unverified[0]?.name).toBe("quasimodo.example/salvatore");
  });

  it("round-trip with generated keys, a byte order mark and a text that looks like signatures", async () => {
    const a = await parseSignerKey((await generateNoteKeys("a.example/log")).signerKey);
    const b = await parseSignerKey((await generateNoteKeys("b.example/witness")).signerKey);
    const text = "\ufeffbody\n\n— a.example/log AAAA\n";
    const signed = await signNote(text, [a, b]);
    const opened = await openNote(signed, [a, b]);
    expect(opened.text).toBe(text);
    expect(opened.verified.map((s) => s.name)).toEqual(["a.example/log", "b.example/witness"]);
    expect((await openNote(new TextEncoder().encode(signed), [b])).text).toBe(text);
  });
});
