/**
 * Removes identifying metadata (camera, GPS position, author, software, dates) from the copy of an attachment
 * that officers see. Lossless: images and audio are never decoded or re-encoded; only the container's
 * metadata blocks are dropped, everything else is copied byte for byte. See docs/decisions/0007-attachment-metadata.md.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream } from "pdf-lib";
import { ascii, concatBytes, readUint16BE, readUint32BE, readUint32LE, writeUint32LE } from "./bytes.ts";
import { id3v2TagLength, type SniffedFile } from "./file-type.ts";

/** `removed`: a copy without it; `none_found`: nothing to remove (bytes unchanged); `not_supported`: kept as is. */
export type MetadataOutcome = "removed" | "none_found" | "not_supported";

/** The bytes claim a type but are malformed or truncated. */
export class UnreadableFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UnreadableFileError";
  }
}

interface Stripped {
  bytes: Uint8Array;
  outcome: MetadataOutcome;
}

/** Returns a copy without identifying metadata, and what was done. Never changes the picture/sound/pages themselves (lossless: no re-encoding of images or audio). */
export async function removeIdentifyingMetadata(
  bytes: Uint8Array,
  file: SniffedFile,
): Promise<{ bytes: Uint8Array; outcome: MetadataOutcome }> {
  switch (file.mediaType) {
    case "image/jpeg":
      return result(bytes, stripJpeg(bytes));
    case "image/png":
      return result(bytes, stripPng(bytes));
    case "image/webp":
      return result(bytes, stripRiff(bytes, "WEBP", WEBP_METADATA_CHUNKS));
    case "audio/wav":
      return result(bytes, stripRiff(bytes, "WAVE", WAV_METADATA_CHUNKS));
    case "audio/mpeg":
      return result(bytes, stripMp3(bytes));
    case "application/pdf":
      return result(bytes, await stripPdf(bytes));
    default:
      // MP4/3GP (udta, ©xyz location), Ogg (comment headers) and AMR are kept as they are, and said so.
      return { bytes: bytes.slice(), outcome: "not_supported" };
  }
}

/** `null` from a stripper means there was nothing to remove. */
function result(input: Uint8Array, stripped: Uint8Array | null): Stripped {
  return stripped === null ? { bytes: input.slice(), outcome: "none_found" } : { bytes: stripped, outcome: "removed" };
}

function unreadable(what: string, detail: string): never {
  throw new UnreadableFileError(`The ${what} file is damaged or incomplete: ${detail}.`);
}

// ---- JPEG ---------------------------------------------------------------------------------------

/**
 * Walks the marker segments up to the first SOS. Keeps APP0 (JFIF), APP2 ICC_PROFILE and APP14 Adobe, which
 * decoders need for colour; drops the other APPn (EXIF, XMP, MPF, IPTC, JUMBF…) and COM. From SOS to EOI
 * everything is copied unchanged; what follows EOI (thumbnails, depth maps, motion-photo videos that phones
 * append, with their own EXIF) is dropped.
 */
function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let removed = false;
  let at = 2;
  for (;;) {
    if (at + 2 > bytes.length) unreadable("JPEG", "it ends before the image data");
    if (bytes[at] !== 0xff) unreadable("JPEG", `no marker at byte ${at}`);
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) unreadable("JPEG", "it ends before the image data");
    if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) unreadable("JPEG", `unexpected marker at byte ${at}`);
    if (at + 4 > bytes.length) unreadable("JPEG", "a segment is cut off");
    const length = readUint16BE(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) unreadable("JPEG", `a segment at byte ${at} is cut off`);
    if (marker === 0xda) break;
    const segment = bytes.subarray(at, at + 2 + length);
    if (keepJpegSegment(marker, bytes.subarray(at + 4, at + 2 + length))) kept.push(segment);
    else removed = true;
    at += 2 + length;
  }
  const end = endOfJpegImage(bytes, at);
  if (end < bytes.length) removed = true;
  if (!removed) return null;
  kept.push(bytes.subarray(at, end));
  return concatBytes(kept);
}

function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xfe) return false; // COM
  if (marker < 0xe0 || marker > 0xef) return true; // tables, frame headers, restart interval…
  if (marker === 0xe0) return true; // APP0 JFIF (and JFXX)
  if (marker === 0xe2) return ascii(payload, 0, 12) === "ICC_PROFILE\0";
  if (marker === 0xee) return ascii(payload, 0, 5) === "Adobe";
  return false; // APP1 EXIF/XMP, APP13 Photoshop/IPTC, APP11 JUMBF, other APPn
}

/** Offset just past the EOI marker that ends the image whose first SOS is at `from`. */
function endOfJpegImage(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) {
      at += 1;
      continue;
    }
    const marker = bytes[at + 1] as number;
    if (marker === 0xd9) return at + 2;
    if (marker === 0x00 || marker === 0xff || (marker >= 0xd0 && marker <= 0xd7)) {
      at += marker === 0xff ? 1 : 2; // stuffed byte, fill byte, restart marker
      continue;
    }
    // A marker segment between scans (SOS, DHT, DQT, DRI… in progressive files): skip its header.
    if (at + 4 > bytes.length) break;
    const length = readUint16BE(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) break;
    at += 2 + length;
  }
  return unreadable("JPEG", "the image data has no end marker");
}

// ---- PNG ----------------------------------------------------------------------------------------

const PNG_SIGNATURE = "\x89PNG\r\n\x1a\n";
/** Text (author, software, comments, dates), EXIF, modification time, and C2PA content credentials. */
const PNG_METADATA_CHUNKS = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME", "caBX"]);

function stripPng(bytes: Uint8Array): Uint8Array | null {
  if (ascii(bytes, 0, 8) !== PNG_SIGNATURE) unreadable("PNG", "the signature is wrong");
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let removed = false;
  let at = 8;
  let first = true;
  for (;;) {
    if (at + 12 > bytes.length) unreadable("PNG", "it ends before its IEND chunk");
    const length = readUint32BE(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    if (length > 0x7fffffff || at + 12 + length > bytes.length) unreadable("PNG", `the ${type} chunk is cut off`);
    if (!/^[A-Za-z]{4}$/.test(type)) unreadable("PNG", `a chunk at byte ${at} has no valid type`);
    if (first && type !== "IHDR") unreadable("PNG", "it does not start with IHDR");
    first = false;
    const chunk = bytes.subarray(at, at + 12 + length);
    at += 12 + length;
    if (PNG_METADATA_CHUNKS.has(type)) removed = true;
    else kept.push(chunk);
    if (type === "IEND") break;
  }
  if (at < bytes.length) removed = true; // bytes after IEND are no part of the picture
  return removed ? concatBytes(kept) : null;
}

// ---- RIFF: WebP and WAV -------------------------------------------------------------------------

const WEBP_METADATA_CHUNKS = new Set(["EXIF", "XMP "]);
/** INFO and associated-data lists, ID3 tags, Broadcast WAV (originator, device, date), iXML, XMP. */
const WAV_METADATA_CHUNKS = new Set(["LIST", "id3 ", "ID3 ", "bext", "iXML", "_PMX"]);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

function stripRiff(bytes: Uint8Array, form: "WEBP" | "WAVE", drop: ReadonlySet<string>): Uint8Array | null {
  const what = form === "WEBP" ? "WebP" : "WAV";
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== "RIFF" || ascii(bytes, 8, 4) !== form) {
    unreadable(what, "the RIFF header is wrong");
  }
  const riffEnd = 8 + readUint32LE(bytes, 4);
  if (riffEnd > bytes.length || riffEnd < 12) unreadable(what, "the RIFF size is larger than the file");
  const kept: Uint8Array[] = [];
  let removed = riffEnd < bytes.length; // anything after the RIFF container (appended tags) goes
  let at = 12;
  let vp8x: Uint8Array | null = null;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) unreadable(what, `a chunk header at byte ${at} is cut off`);
    const id = ascii(bytes, at, 4);
    const size = readUint32LE(bytes, at + 4);
    if (at + 8 + size > riffEnd) unreadable(what, `the ${id.trim()} chunk is cut off`);
    const end = Math.min(at + 8 + size + (size % 2), riffEnd); // a missing pad byte at the very end is tolerated
    if (drop.has(id)) {
      removed = true;
    } else {
      const chunk = bytes.slice(at, end);
      if (id === "VP8X") vp8x = chunk;
      kept.push(chunk);
    }
    at = end;
  }
  if (!removed) return null;
  if (vp8x && vp8x.length > 8) vp8x[8] = (vp8x[8] as number) & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
  const header = bytes.slice(0, 12);
  const out = concatBytes([header, ...kept]);
  writeUint32LE(out, 4, out.length - 8);
  return out;
}

// ---- MP3 ----------------------------------------------------------------------------------------

/** Leading ID3v2 tags, and trailing APEv2 and ID3v1 tags; the MPEG frames between are copied unchanged. */
function stripMp3(bytes: Uint8Array): Uint8Array | null {
  let start = 0;
  for (let tag = id3v2TagLength(bytes, 0); tag !== null; tag = id3v2TagLength(bytes, start)) {
    if (start + tag > bytes.length) unreadable("MP3", "its ID3 tag is longer than the file");
    start += tag;
  }
  let end = bytes.length;
  let trimmed = true;
  while (trimmed) {
    trimmed = false;
    if (end - start >= 128 && ascii(bytes, end - 128, 3) === "TAG") {
      end -= 128; // ID3v1
      if (end - start >= 227 && ascii(bytes, end - 227, 4) === "TAG+") end -= 227; // enhanced ID3v1
      trimmed = true;
    }
    if (end - start >= 32 && ascii(bytes, end - 32, 8) === "APETAGEX") {
      const size = readUint32LE(bytes, end - 20); // items and footer, without the header
      const hasHeader = ((bytes[end - 9] as number) & 0x80) !== 0; // flags bit 31
      const total = size + (hasHeader ? 32 : 0);
      if (size < 32 || total > end - start) unreadable("MP3", "its APE tag is longer than the file");
      end -= total;
      trimmed = true;
    }
  }
  if (start === 0 && end === bytes.length) return null;
  return bytes.slice(start, end);
}

// ---- PDF ----------------------------------------------------------------------------------------

/** Keys that hold document metadata or applications' private data, wherever they appear. */
const PDF_METADATA_KEYS = [PDFName.of("Metadata"), PDFName.of("PieceInfo")];

/**
 * Empties the document information (author, creator, producer, title, subject, keywords, dates: the whole Info
 * dictionary goes), removes XMP metadata streams and applications' private data from every object, and writes
 * the file anew without objects nothing refers to (earlier revisions of an incrementally saved file keep old
 * metadata). Page content streams, fonts and images are copied as they are.
 */
async function stripPdf(bytes: Uint8Array): Promise<Uint8Array | null> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
    if (document.getPageCount() === 0) unreadable("PDF", "it has no pages");
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const encrypted = error instanceof Error && error.name === "EncryptedPDFError";
    throw new UnreadableFileError(
      encrypted ? "The PDF file is encrypted: its metadata cannot be removed." : "The PDF file cannot be read.",
      { cause: error },
    );
  }
  const { context } = document;
  let removed = false;

  const info = context.lookup(context.trailerInfo.Info);
  if (info instanceof PDFDict && info.keys().length > 0) {
    context.trailerInfo.Info = undefined;
    removed = true;
  }

  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    for (const key of PDF_METADATA_KEYS) {
      if (dict.has(key)) {
        dict.delete(key);
        removed = true;
      }
    }
  }

  const roots = [context.trailerInfo.Root, context.trailerInfo.Info].filter((root) => root !== undefined);
  const reachable = reachableRefs(roots, (ref) => context.lookup(ref));
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref.tag)) {
      context.delete(ref);
      removed = true;
    }
  }
  // Incremental updates keep earlier versions of objects (and of their metadata) in the file: write it anew.
  if (countOccurrences(bytes, "%%EOF") > 1) removed = true;

  if (!removed) return null;
  return document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

function reachableRefs(roots: PDFObject[], lookup: (ref: PDFRef) => PDFObject | undefined): Set<string> {
  const seen = new Set<string>();
  const pending: PDFObject[] = [...roots];
  while (pending.length > 0) {
    const object = pending.pop() as PDFObject;
    if (object instanceof PDFRef) {
      if (seen.has(object.tag)) continue;
      seen.add(object.tag);
      const target = lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  return seen;
}

function countOccurrences(bytes: Uint8Array, text: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1").split(text).length - 1;
}
