import exifr from "exifr";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { type SniffedFile, sniffFileType } from "./file-type.ts";
import {
  ARTIST,
  apeTag,
  CAMERA_MAKE,
  CAMERA_MODEL,
  COMMENT,
  concat,
  contains,
  exifTiff,
  fixture,
  id3v1Tag,
  id3v2Tag,
  jpegWithMetadata,
  LATITUDE,
  LONGITUDE,
  latin1,
  listInfoChunk,
  mpegFrames,
  pcmChunks,
  pngChunk,
  pngWithMetadata,
  riff,
  riffChunks,
  TEXT_AUTHOR,
  webpWithMetadata,
  XMP_CREATOR,
} from "./fixtures/build.ts";
import { removeIdentifyingMetadata, UnreadableFileError } from "./metadata.ts";

const IDENTIFYING = [CAMERA_MAKE, CAMERA_MODEL, ARTIST, XMP_CREATOR, TEXT_AUTHOR, COMMENT];

function sniffed(bytes: Uint8Array): SniffedFile {
  const file = sniffFileType(bytes);
  if (!file) throw new Error("The test file should be recognized.");
  return file;
}

async function strip(bytes: Uint8Array) {
  return removeIdentifyingMetadata(bytes, sniffed(bytes));
}

/** Everything exifr can read: EXIF (IFD0, EXIF, GPS), XMP, IPTC, and PNG text chunks. */
async function readWithExifr(bytes: Uint8Array): Promise<Record<string, unknown> | undefined> {
  return exifr.parse(Buffer.from(bytes), { tiff: true, gps: true, xmp: true, iptc: true, mergeOutput: true });
}

function expectNoIdentifyingText(bytes: Uint8Array): void {
  for (const marker of IDENTIFYING) expect(contains(bytes, marker), marker).toBe(false);
}

describe("JPEG", () => {
  it("loses EXIF (camera, GPS), XMP, IPTC and comments; keeps JFIF, the ICC profile and the image data", async () => {
    const input = jpegWithMetadata();
    const before = await readWithExifr(input);
    expect(before?.Make).toBe(CAMERA_MAKE);
    expect(before?.latitude).toBeCloseTo(LATITUDE, 3);
    expect(before?.longitude).toBeCloseTo(LONGITUDE, 3);
    expect(before?.Artist).toBe(ARTIST);
    expect(JSON.stringify(before)).toContain(XMP_CREATOR);
    expect(contains(input, COMMENT)).toBe(true);

    const { bytes, outcome } = await strip(input);
    expect(outcome).toBe("removed");
    const after = await readWithExifr(bytes);
    expect(after?.Make).toBeUndefined();
    expect(after?.latitude).toBeUndefined();
    expect(after?.longitude).toBeUndefined();
    expect(await exifr.gps(Buffer.from(bytes))).toBeUndefined();
    expectNoIdentifyingText(bytes);

    // The picture: everything from the start of scan on is the same bytes as Chromium's encoding.
    const plain = fixture("canvas.jpg");
    const sos = (b: Uint8Array) => Buffer.from(b).indexOf(Buffer.from([0xff, 0xda]));
    expect(Buffer.from(bytes.subarray(sos(bytes))).equals(Buffer.from(plain.subarray(sos(plain))))).toBe(true);
    // Chromium's own file had only JFIF and ICC: stripping ours gives back exactly that file.
    expect(Buffer.from(bytes).equals(Buffer.from(plain))).toBe(true);
    expect(contains(bytes, "JFIF")).toBe(true);
    expect(contains(bytes, "ICC_PROFILE")).toBe(true);
    expect(sniffFileType(bytes)?.mediaType).toBe("image/jpeg");
  });

  it("drops what phones append after the end of the image, and says none_found on a clean file", async () => {
    const plain = fixture("canvas.jpg");
    const appended = concat(plain, latin1("\xff\xd8\xff\xe1"), exifTiff());
    const { bytes, outcome } = await strip(appended);
    expect(outcome).toBe("removed");
    expect(Buffer.from(bytes).equals(Buffer.from(plain))).toBe(true);

    const clean = await strip(plain);
    expect(clean.outcome).toBe("none_found");
    expect(Buffer.from(clean.bytes).equals(Buffer.from(plain))).toBe(true);
  });

  it("refuses damaged files", async () => {
    const input = jpegWithMetadata();
    const file = sniffed(input);
    const sos = Buffer.from(input).indexOf(Buffer.from([0xff, 0xda]));
    const broken: [string, Uint8Array][] = [
      ["cut inside the EXIF segment", input.subarray(0, 40)],
      ["cut before the image data", input.subarray(0, sos)],
      ["cut inside the image data (no end marker)", input.subarray(0, input.length - 10)],
      ["a segment length larger than the file", concat(input.subarray(0, 4), new Uint8Array([0xff, 0xf0, 0, 0]))],
      ["a segment length below two", concat(input.subarray(0, 2), new Uint8Array([0xff, 0xe1, 0, 1]), input)],
      ["no marker where one should be", concat(input.subarray(0, 2), latin1("garbage"), input.subarray(2))],
    ];
    for (const [name, bytes] of broken) {
      await expect(removeIdentifyingMetadata(bytes, file), name).rejects.toBeInstanceOf(UnreadableFileError);
    }
  });
});

describe("PNG", () => {
  it("loses eXIf, text, XMP and tIME chunks; the other chunks stay byte for byte", async () => {
    const input = pngWithMetadata();
    const before = await readWithExifr(input);
    expect(before?.Make).toBe(CAMERA_MAKE);
    expect(before?.latitude).toBeCloseTo(LATITUDE, 3);
    expect(before?.longitude).toBeCloseTo(LONGITUDE, 3);
    expect(before?.Author).toBe(TEXT_AUTHOR);

    const { bytes, outcome } = await strip(input);
    expect(outcome).toBe("removed");
    const after = await readWithExifr(bytes);
    expect(after?.Make).toBeUndefined();
    expect(after?.latitude).toBeUndefined();
    expect(after?.Author).toBeUndefined();
    expectNoIdentifyingText(bytes);
    expect(contains(bytes, "tIME")).toBe(false);
    // Chromium's file (IHDR, iCCP, IDAT…, IEND) comes back exactly, so the picture decodes the same.
    expect(Buffer.from(bytes).equals(Buffer.from(fixture("canvas.png")))).toBe(true);

    const clean = await strip(fixture("canvas.png"));
    expect(clean.outcome).toBe("none_found");
  });

  it("refuses damaged files", async () => {
    const input = pngWithMetadata();
    const file = sniffed(input);
    const plain = fixture("canvas.png");
    const hugeChunk = concat(plain.subarray(0, 33), new Uint8Array([0x7f, 0, 0, 0]), latin1("tEXt"), new Uint8Array(8));
    const broken: [string, Uint8Array][] = [
      ["cut in the middle", input.subarray(0, Math.floor(input.length / 2))],
      ["no IEND", input.subarray(0, input.length - 12)],
      ["a chunk longer than the file", hugeChunk],
      ["not starting with IHDR", concat(plain.subarray(0, 8), pngChunk("tEXt", latin1("a\0b")), plain.subarray(8))],
    ];
    for (const [name, bytes] of broken) {
      await expect(removeIdentifyingMetadata(bytes, file), name).rejects.toBeInstanceOf(UnreadableFileError);
    }
  });
});

describe("WebP", () => {
  it("loses the EXIF and XMP chunks and their flags; the image and ICC chunks stay", async () => {
    const input = webpWithMetadata();
    // exifr does not read WebP containers; it reads the EXIF chunk's TIFF payload, which shows it holds GPS.
    const exifChunk = riffChunks(input).find((chunk) => chunk.id === "EXIF");
    const before = await readWithExifr(exifChunk?.data as Uint8Array);
    expect(before?.Make).toBe(CAMERA_MAKE);
    expect(before?.latitude).toBeCloseTo(LATITUDE, 3);

    const { bytes, outcome } = await strip(input);
    expect(outcome).toBe("removed");
    expectNoIdentifyingText(bytes);
    const chunks = riffChunks(bytes);
    expect(chunks.map((chunk) => chunk.id)).not.toContain("EXIF");
    expect(chunks.map((chunk) => chunk.id)).not.toContain("XMP ");
    expect(((chunks[0]?.data[0] as number) & 0x0c) === 0).toBe(true);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)).toBe(bytes.length - 8);
    // Chromium's file (VP8X with the ICC flag, ICCP, VP8) comes back exactly.
    expect(Buffer.from(bytes).equals(Buffer.from(fixture("canvas.webp")))).toBe(true);

    expect((await strip(fixture("canvas.webp"))).outcome).toBe("none_found");
  });

  it("refuses damaged files", async () => {
    const input = webpWithMetadata();
    const file = sniffed(input);
    const lying = input.slice();
    new DataView(lying.buffer).setUint32(4, input.length + 100, true);
    for (const bytes of [input.subarray(0, input.length - 20), lying, input.subarray(0, 14)]) {
      await expect(removeIdentifyingMetadata(bytes, file)).rejects.toBeInstanceOf(UnreadableFileError);
    }
  });
});

describe("PDF", () => {
  const AUTHOR = "PdfAuthor Jane Roe-3c9a";
  const PAGE_TEXT = "The scaffold on stage 4 has no guard rail";

  async function pdfWithMetadata(): Promise<Uint8Array> {
    const document = await PDFDocument.create();
    document.setAuthor(AUTHOR);
    document.setTitle("Title-of-7d2e");
    document.setCreator("Creator-Word-1a4b");
    document.setProducer("Producer-9f0c");
    document.setSubject("Subject-2b8d");
    document.setKeywords(["Keyword-6e1f"]);
    const font = await document.embedFont(StandardFonts.Helvetica);
    document.addPage([300, 200]).drawText(PAGE_TEXT, { x: 10, y: 100, size: 10, font });
    document.addPage([300, 200]);
    const xmp = document.context.stream(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${AUTHOR}</dc:creator></x:xmpmeta>`,
      { Type: "Metadata", Subtype: "XML" },
    );
    document.catalog.set(PDFName.of("Metadata"), document.context.register(xmp));
    return document.save({ useObjectStreams: false });
  }

  async function readWithPdfjs(bytes: Uint8Array) {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
    const { info, metadata } = await document.getMetadata();
    const page = await document.getPage(1);
    const text = (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
    const pages = document.numPages;
    await document.destroy();
    return { info: info as Record<string, unknown>, xmp: metadata?.getRaw() ?? null, text, pages };
  }

  it("loses the document information and the XMP stream; pages and text stay", async () => {
    const input = await pdfWithMetadata();
    const before = await readWithPdfjs(input);
    expect(before.info.Author).toBe(AUTHOR);
    expect(before.info.Title).toBe("Title-of-7d2e");
    expect(JSON.stringify(before.xmp)).toContain(AUTHOR);
    expect(contains(input, AUTHOR)).toBe(true); // in the XMP stream, in clear

    const { bytes, outcome } = await strip(input);
    expect(outcome).toBe("removed");

    const after = await readWithPdfjs(bytes);
    for (const key of ["Author", "Title", "Creator", "Producer", "Subject", "Keywords", "CreationDate", "ModDate"]) {
      expect(after.info[key], key).toBeUndefined();
    }
    expect(after.xmp).toBeNull();
    expect(after.pages).toBe(2);
    expect(after.text).toBe(PAGE_TEXT);

    const reloaded = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(reloaded.getAuthor()).toBeUndefined();
    expect(reloaded.getTitle()).toBeUndefined();
    expect(reloaded.getCreator()).toBeUndefined();
    expect(reloaded.getProducer()).toBeUndefined();
    expect(reloaded.getCreationDate()).toBeUndefined();
    expect(reloaded.getModificationDate()).toBeUndefined();
    expect(reloaded.catalog.get(PDFName.of("Metadata"))).toBeUndefined();
    expect(reloaded.getPageCount()).toBe(2);

    const hexUtf16 = Buffer.from(`\ufeff${AUTHOR}`, "utf16le").swap16().toString("hex").toUpperCase();
    for (const needle of [AUTHOR, hexUtf16, "Title-of-7d2e", "Creator-Word-1a4b", "Producer-9f0c"]) {
      expect(contains(bytes, needle), needle).toBe(false);
      expect(Buffer.from(bytes).toString("latin1").toUpperCase().includes(needle.toUpperCase()), needle).toBe(false);
    }
    expect(contains(bytes, "pdf-lib")).toBe(false);

    // Stripping again finds nothing and leaves the file as it is.
    const again = await strip(bytes);
    expect(again.outcome).toBe("none_found");
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("drops the metadata of earlier revisions of an incrementally saved file", async () => {
    const document = await PDFDocument.create({ updateMetadata: false });
    document.setAuthor(AUTHOR);
    document.addPage();
    const original = Buffer.from(await document.save({ useObjectStreams: false }));
    const text = original.toString("latin1");
    const root = /\/Root (\d+ 0 R)/.exec(text)?.[1];
    const previous = /startxref\s+(\d+)/.exec(text)?.[1];
    // The update gives the document a new, empty Info dictionary; the old one (with the author) stays in the file.
    const objectAt = original.length + 1;
    const object = "\n99 0 obj\n<< >>\nendobj\n";
    const xrefAt = original.length + object.length;
    const update =
      `${object}xref\n99 1\n${String(objectAt).padStart(10, "0")} 00000 n \n` +
      `trailer\n<< /Size 100 /Root ${root} /Info 99 0 R /Prev ${previous} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const input = new Uint8Array(Buffer.concat([original, Buffer.from(update, "latin1")]));
    const hexUtf16 = Buffer.from(`\ufeff${AUTHOR}`, "utf16le").swap16().toString("hex").toUpperCase();
    expect(contains(input, hexUtf16)).toBe(true);

    const { bytes, outcome } = await strip(input);
    expect(outcome).toBe("removed");
    expect(contains(bytes, hexUtf16)).toBe(false);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it("refuses encrypted and unreadable files", async () => {
    const document = await PDFDocument.create();
    document.addPage();
    document.context.trailerInfo.Encrypt = document.context.obj({ Filter: "Standard", V: 2, R: 3, Length: 128 });
    const encrypted = await document.save();
    const good = await pdfWithMetadata();
    const broken: [string, Uint8Array][] = [
      ["encrypted", encrypted],
      ["only a header", latin1("%PDF-1.7\n%garbage and nothing else\n")],
      ["cut in half", good.subarray(0, Math.floor(good.length / 3))],
    ];
    for (const [name, bytes] of broken) {
      await expect(removeIdentifyingMetadata(bytes, sniffed(bytes)), name).rejects.toBeInstanceOf(UnreadableFileError);
    }
  });
});

describe("MP3", () => {
  const MARKER = "Mp3Owner-44e0";

  it("loses leading ID3v2 tags and trailing APE and ID3v1 tags; the MPEG frames stay byte for byte", async () => {
    const frames = mpegFrames(3);
    for (const input of [
      concat(id3v2Tag(MARKER), frames),
      concat(id3v2Tag(MARKER, true), id3v2Tag(`${MARKER}-second`), frames, apeTag(MARKER), id3v1Tag(MARKER)),
      concat(frames, id3v1Tag(MARKER)),
    ]) {
      expect(contains(input, MARKER)).toBe(true);
      const { bytes, outcome } = await strip(input);
      expect(outcome).toBe("removed");
      expect(contains(bytes, MARKER)).toBe(false);
      expect(Buffer.from(bytes).equals(Buffer.from(frames))).toBe(true);
    }
    const clean = await strip(frames);
    expect(clean.outcome).toBe("none_found");
    expect(Buffer.from(clean.bytes).equals(Buffer.from(frames))).toBe(true);
  });

  it("refuses a tag longer than the file", async () => {
    const tagged = concat(id3v2Tag(MARKER), mpegFrames(2));
    const file = sniffed(tagged);
    const truncated = concat(id3v2Tag(MARKER).subarray(0, 10), latin1("short"));
    await expect(removeIdentifyingMetadata(truncated, file)).rejects.toBeInstanceOf(UnreadableFileError);
    const badApe = concat(mpegFrames(2), apeTag(MARKER).subarray(32));
    new DataView(badApe.buffer).setUint32(badApe.length - 20, 100_000, true);
    await expect(removeIdentifyingMetadata(badApe, file)).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe("WAV", () => {
  const MARKER = "WavSpeaker-77b3";

  it("loses LIST/INFO, id3 and bext chunks; fmt and data stay byte for byte and the RIFF size is right", async () => {
    const { fmt, data } = pcmChunks();
    const input = riff("WAVE", [
      fmt,
      listInfoChunk(MARKER),
      { id: "bext", data: latin1(`Recorder of ${MARKER}`.padEnd(602, "\0")) },
      data,
      { id: "id3 ", data: id3v2Tag(MARKER) },
    ]);
    expect(contains(input, MARKER)).toBe(true);
    const { bytes, outcome } = await strip(input);
    expect(outcome).toBe("removed");
    expect(contains(bytes, MARKER)).toBe(false);
    expect(Buffer.from(bytes).equals(Buffer.from(riff("WAVE", [fmt, data])))).toBe(true);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)).toBe(bytes.length - 8);

    const clean = await strip(riff("WAVE", [fmt, data]));
    expect(clean.outcome).toBe("none_found");
  });

  it("refuses damaged files", async () => {
    const { fmt, data } = pcmChunks();
    const input = riff("WAVE", [fmt, listInfoChunk(MARKER), data]);
    const file = sniffed(input);
    const lyingChunk = input.slice();
    new DataView(lyingChunk.buffer).setUint32(16, 1_000_000, true); // fmt claims a megabyte
    for (const bytes of [input.subarray(0, input.length - 100), lyingChunk]) {
      await expect(removeIdentifyingMetadata(bytes, file)).rejects.toBeInstanceOf(UnreadableFileError);
    }
  });
});

describe("formats kept as they are", () => {
  it("says not_supported and returns the same bytes for MP4, 3GP, Ogg and AMR", async () => {
    const files: [Uint8Array, string][] = [
      [concat(latin1("#!AMR\n"), latin1(`\x3c${"\0".repeat(31)}`)), "audio/amr"],
      [
        concat(latin1("OggS\0\x02"), new Uint8Array(20), new Uint8Array([1, 30]), latin1("OpusHead".padEnd(30, "\0"))),
        "audio/ogg",
      ],
    ];
    for (const [bytes, mediaType] of files) {
      const file = sniffed(bytes);
      expect(file.mediaType).toBe(mediaType);
      const result = await removeIdentifyingMetadata(bytes, file);
      expect(result.outcome).toBe("not_supported");
      expect(Buffer.from(result.bytes).equals(Buffer.from(bytes))).toBe(true);
    }
    for (const mediaType of ["audio/mp4", "audio/3gpp"]) {
      const bytes = latin1("\0\0\0\x14ftypM4A \0\0\0\0M4A ");
      const result = await removeIdentifyingMetadata(bytes, { mediaType, kind: "audio", extension: "m4a" });
      expect(result.outcome).toBe("not_supported");
      expect(Buffer.from(result.bytes).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

async function smallPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setAuthor("Someone");
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([100, 100]).drawText("hello", { x: 5, y: 50, size: 10, font });
  return document.save();
}

describe("damaged files of every format", () => {
  it("either come out cleaned or raise UnreadableFileError, never another error, when cut or corrupted", async () => {
    const { fmt, data } = pcmChunks();
    const files = [
      jpegWithMetadata(),
      pngWithMetadata(),
      webpWithMetadata(),
      concat(id3v2Tag("x", true), mpegFrames(2), apeTag("y"), id3v1Tag("z")),
      riff("WAVE", [fmt, listInfoChunk("x"), data]),
      await smallPdf(),
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    for (const input of files) {
      const file = sniffed(input);
      const variants: Uint8Array[] = [];
      for (let length = 0; length < input.length; length += Math.ceil(input.length / 60))
        variants.push(input.subarray(0, length));
      for (let i = 0; i < 200; i++) {
        const corrupted = input.slice();
        for (let flips = 0; flips < 4; flips++) corrupted[next() % corrupted.length] = next() % 256;
        variants.push(corrupted);
      }
      for (const bytes of variants) {
        try {
          const { outcome } = await removeIdentifyingMetadata(bytes, file);
          expect(["removed", "none_found"]).toContain(outcome);
        } catch (error) {
          expect(error, `${file.mediaType}, ${bytes.length} bytes`).toBeInstanceOf(UnreadableFileError);
        }
      }
    }
  });
});
