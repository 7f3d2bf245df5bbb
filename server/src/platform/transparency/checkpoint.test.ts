import { describe, expect, it } from "vitest";
import { CheckpointError, formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from "./checkpoint.ts";
import { emptyRoot, leafHash, MemoryTree } from "./merkle.ts";
import { generateNoteKeys, NoteError, parseSignerKey, parseVerifierKey } from "./note.ts";

const b64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));

// github.com/transparency-dev/formats log/note_test.go, TestSumDBNoteParsing: a checkpoint signed
// by sum.golang.org (its origin holds spaces, which the spec allows).
const SUMDB_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
const SUMDB_CHECKPOINT = `go.sum database tree
6476701
mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=

— sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=
`;

// c2sp.org/tlog-checkpoint, the example at the top.
const C2SP_BODY = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

describe("checkpoints", () => {
  it("open the sum.golang.org checkpoint with its published key", async () => {
    const key = parseVerifierKey(SUMDB_KEY);
    const { checkpoint, verified } = await openCheckpoint(SUMDB_CHECKPOINT, "go.sum database tree", key);
    expect(checkpoint).toEqual({
      origin: "go.sum database tree",
      size: 6476701,
      root: b64("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk="),
    });
    expect(verified.map((s) => s.name)).toEqual(["sum.golang.org"]);
    await expect(openCheckpoint(SUMDB_CHECKPOINT, "Go rocks but I might have the wrong ID", key)).rejects.toThrow(
      CheckpointError,
    );
    const tampered = SUMDB_CHECKPOINT.replace("6476701", "6476702");
    await expect(openCheckpoint(tampered, "go.sum database tree", key)).rejects.toMatchObject({
      code: "invalid_signature",
    });
  });

  it("read and write the C2SP example body exactly", () => {
    const checkpoint = parseCheckpoint(C2SP_BODY);
    expect(checkpoint).toEqual({
      origin: "example.com/behind-the-sofa",
      size: 20852163,
      root: b64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="),
    });
    expect(formatCheckpoint(checkpoint)).toBe(C2SP_BODY);
    const extended = `${C2SP_BODY}extension one\nextension two\n`;
    expect(parseCheckpoint(extended).extensions).toEqual(["extension one", "extension two"]);
    expect(formatCheckpoint(parseCheckpoint(extended))).toBe(extended);
    expect(formatCheckpoint({ origin: "o", size: 0, root: emptyRoot() })).toBe(
      "o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
    );
  });

  it("refuse anything but the exact format", () => {
    const root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    const bad = [
      "",
      "Head\n9944\n",
      `\n9944\n${root}\n`,
      `Log\n123\n${root}`,
      `Log\nbananas\n${root}\n`,
      `Log\n-34\n${root}\n`,
      `Log\n+34\n${root}\n`,
      `Log\n034\n${root}\n`,
      `Log\n 34\n${root}\n`,
      `Log\n3438945738945739845734895735\n${root}\n`,
      `Log\n${2 ** 53}\n${root}\n`,
      "Log\n123\nThisIsn'tBase64\n",
      "Log\n123\nYmFuYW5hcw==\n",
      `Log\n123\n${root.replace("=", "")}\n`,
      `Log\n123\n${root}\n\n`,
      `Log\n123\n${root}\next\n\nmore\n`,
      `Lo\tg\n123\n${root}\n`,
      `Log\r\n123\n${root}\n`,
    ];
    for (const text of bad) expect(() => parseCheckpoint(text), JSON.stringify(text)).toThrow(CheckpointError);
    for (const checkpoint of [
      { origin: "", size: 1, root: emptyRoot() },
      { origin: "a\nb", size: 1, root: emptyRoot() },
      { origin: "o", size: -1, root: emptyRoot() },
      { origin: "o", size: 1.5, root: emptyRoot() },
      { origin: "o", size: 1, root: new Uint8Array(31) },
      { origin: "o", size: 1, root: emptyRoot(), extensions: [""] },
    ]) {
      expect(() => formatCheckpoint(checkpoint)).toThrow(CheckpointError);
    }
  });

  it("are signed by the log and cosigned by witnesses, and opened only with the log's signature", async () => {
    const origin = "guildhall.example/log";
    const log = await parseSignerKey((await generateNoteKeys(origin)).signerKey);
    const witness = await parseSignerKey((await generateNoteKeys("witness.example")).signerKey);
    const tree = new MemoryTree(["a", "b", "c"].map((s) => leafHash(new TextEncoder().encode(s))));
    const checkpoint = { origin, size: tree.size, root: await tree.root() };

    const signed = await signCheckpoint(checkpoint, [log, witness]);
    expect(signed.startsWith(`${formatCheckpoint(checkpoint)}\n— ${origin} `)).toBe(true);
    const opened = await openCheckpoint(signed, origin, log, [witness]);
    expect(opened.checkpoint).toEqual(checkpoint);
    expect(opened.verified.map((s) => s.name)).toEqual([origin, "witness.example"]);
    expect((await openCheckpoint(signed, origin, log)).verified.map((s) => s.name)).toEqual([origin]);

    const witnessOnly = await signCheckpoint(checkpoint, [witness]);
    await expect(openCheckpoint(witnessOnly, origin, log, [witness])).rejects.toThrow(NoteError);
    const otherLog = await parseSignerKey((await generateNoteKeys(origin)).signerKey);
    await expect(openCheckpoint(signed, origin, otherLog)).rejects.toMatchObject({ code: "unverified" });
  });
});
