/**
 * What an attachment is, read from its first bytes. The file name and the content type the client sent
 * are never trusted: a report's attachments are shown to officers, so only formats we can name and
 * handle are accepted.
 */
import { ascii, readUint32BE } from "./bytes.ts";

export type AttachmentKind = "image" | "pdf" | "audio";

export interface SniffedFile {
  mediaType: string;
  kind: AttachmentKind;
  extension: string;
}

const JPEG: SniffedFile = { mediaType: "image/jpeg", kind: "image", extension: "jpg" };
const PNG: SniffedFile = { mediaType: "image/png", kind: "image", extension: "png" };
const WEBP: SniffedFile = { mediaType: "image/webp", kind: "image", extension: "webp" };
const PDF: SniffedFile = { mediaType: "application/pdf", kind: "pdf", extension: "pdf" };
const MP3: SniffedFile = { mediaType: "audio/mpeg", kind: "audio", extension: "mp3" };
const M4A: SniffedFile = { mediaType: "audio/mp4", kind: "audio", extension: "m4a" };
const THREE_GPP: SniffedFile = { mediaType: "audio/3gpp", kind: "audio", extension: "3gp" };
const OGG: SniffedFile = { mediaType: "audio/ogg", kind: "audio", extension: "ogg" };
const WAV: SniffedFile = { mediaType: "audio/wav", kind: "audio", extension: "wav" };
const AMR: SniffedFile = { mediaType: "audio/amr", kind: "audio", extension: "amr" };
const AMR_WB: SniffedFile = { mediaType: "audio/amr-wb", kind: "audio", extension: "awb" };

/** Recognizes a file by its bytes (never by the name or the client's content type); null when not an accepted type. */
export function sniffFileType(bytes: Uint8Array): SniffedFile | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ...JPEG };
  if (ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return { ...PNG };
  if (ascii(bytes, 0, 4) === "RIFF") {
    const form = ascii(bytes, 8, 4);
    if (form === "WEBP" && ["VP8 ", "VP8L", "VP8X"].includes(ascii(bytes, 12, 4))) return { ...WEBP };
    if (form === "WAVE") return { ...WAV };
    return null;
  }
  if (ascii(bytes, 0, 5) === "%PDF-") return { ...PDF };
  if (ascii(bytes, 0, 6) === "#!AMR\n") return { ...AMR };
  if (ascii(bytes, 0, 9) === "#!AMR-WB\n") return { ...AMR_WB };
  if (ascii(bytes, 4, 4) === "ftyp") return sniffIsoMedia(bytes);
  if (ascii(bytes, 0, 4) === "OggS") return sniffOgg(bytes);
  if (isMp3(bytes)) return { ...MP3 };
  return null;
}

// ---- MP3 ----------------------------------------------------------------------------------------

/** Length in bytes of the ID3v2 tag at `at`, or null when there is none (or its header is not valid). */
export function id3v2TagLength(bytes: Uint8Array, at: number): number | null {
  if (at + 10 > bytes.length || ascii(bytes, at, 3) !== "ID3") return null;
  const major = bytes[at + 3] as number;
  if (major < 2 || major > 4 || bytes[at + 4] === 0xff) return null;
  let size = 0;
  for (let i = 6; i < 10; i++) {
    const b = bytes[at + i] as number;
    if (b & 0x80) return null; // syncsafe integers keep the high bit clear
    size = size * 128 + b;
  }
  const footer = major === 4 && ((bytes[at + 5] as number) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

const MPEG_BITRATES_KBPS: Record<string, number[]> = {
  // [version 1 | version 2 and 2.5][layer], index 1..14
  "1-1": [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  "1-2": [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  "1-3": [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  "2-1": [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  "2-2": [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  "2-3": [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MPEG_SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG 1
  2: [22050, 24000, 16000], // MPEG 2
  0: [11025, 12000, 8000], // MPEG 2.5
};

/** Length of the MPEG audio frame whose header starts at `at`, or null when no valid header is there. */
export function mpegFrameLength(bytes: Uint8Array, at: number): number | null {
  if (at + 4 > bytes.length) return null;
  const b1 = bytes[at + 1] as number;
  const b2 = bytes[at + 2] as number;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
    return null; // reserved values, or "free format" which we do not accept
  }
  const layer = 4 - layerBits;
  const bitrate = (MPEG_BITRATES_KBPS[`${versionBits === 3 ? 1 : 2}-${layer}`] as number[])[bitrateIndex - 1] as number;
  const sampleRate = (MPEG_SAMPLE_RATES[versionBits] as number[])[rateIndex] as number;
  const padding = (b2 >> 1) & 1;
  if (layer === 1) return (Math.floor((12 * bitrate * 1000) / sampleRate) + padding) * 4;
  const samplesPerFrame = layer === 3 && versionBits !== 3 ? 576 : 1152;
  return Math.floor((samplesPerFrame / 8) * ((bitrate * 1000) / sampleRate)) + padding;
}

/** An ID3v2 tag followed by MPEG audio, or MPEG audio frames from the first byte (two in a row when there is room). */
function isMp3(bytes: Uint8Array): boolean {
  let at = 0;
  let tagged = false;
  for (let tag = id3v2TagLength(bytes, at); tag !== null; tag = id3v2TagLength(bytes, at)) {
    at += tag;
    tagged = true;
  }
  if (tagged) {
    // Some encoders pad between the tag and the first frame: look a little way on.
    const limit = Math.min(bytes.length, at + 4096);
    for (let i = at; i < limit; i++) if (mpegFrameLength(bytes, i) !== null) return true;
    return false;
  }
  const first = mpegFrameLength(bytes, 0);
  if (first === null) return false;
  return first + 4 > bytes.length || mpegFrameLength(bytes, first) !== null;
}

// ---- MP4 / 3GP ----------------------------------------------------------------------------------

const M4A_BRANDS = new Set(["M4A ", "M4B ", "F4A "]);
const GENERIC_MP4_BRANDS = new Set(["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "dash", "MSNV"]);

/**
 * An ISO base media file (MP4, 3GP) is accepted as audio only when its tracks are all sound: M4A brands
 * say so themselves; generic MP4 and 3GP brands (which phones also use for video) are checked track by track.
 */
function sniffIsoMedia(bytes: Uint8Array): SniffedFile | null {
  const brand = ascii(bytes, 8, 4);
  const threeGpp = brand.startsWith("3gp") || brand.startsWith("3gr") || brand.startsWith("3gs");
  const type = M4A_BRANDS.has(brand) ? M4A : threeGpp ? THREE_GPP : GENERIC_MP4_BRANDS.has(brand) ? M4A : null;
  if (!type) return null;
  const handlers = trackHandlers(bytes);
  if (handlers === null || handlers.length === 0) return M4A_BRANDS.has(brand) ? { ...type } : null;
  return handlers.every((handler) => handler === "soun") ? { ...type } : null;
}

/** Handler types (`soun`, `vide`, …) of the tracks in the `moov` box; null when the boxes cannot be walked. */
function trackHandlers(bytes: Uint8Array): string[] | null {
  const moov = findBoxes(bytes, 0, bytes.length, "moov")[0];
  if (!moov) return null;
  const handlers: string[] = [];
  for (const trak of findBoxes(bytes, moov.start, moov.end, "trak")) {
    for (const mdia of findBoxes(bytes, trak.start, trak.end, "mdia")) {
      for (const hdlr of findBoxes(bytes, mdia.start, mdia.end, "hdlr")) {
        if (hdlr.start + 12 <= hdlr.end) handlers.push(ascii(bytes, hdlr.start + 8, 4));
      }
    }
  }
  return handlers;
}

function findBoxes(bytes: Uint8Array, from: number, to: number, type: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = readUint32BE(bytes, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = readUint32BE(bytes, at + 8) * 2 ** 32 + readUint32BE(bytes, at + 12);
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) break;
    if (ascii(bytes, at + 4, 4) === type) found.push({ start: at + header, end: at + size });
    at += size;
  }
  return found;
}

// ---- Ogg ----------------------------------------------------------------------------------------

/** Ogg is accepted when its first stream is a sound codec (Vorbis, Opus, FLAC, Speex), not video (Theora). */
function sniffOgg(bytes: Uint8Array): SniffedFile | null {
  if (bytes[4] !== 0 || bytes.length < 28) return null;
  const segments = bytes[26] as number;
  const packet = 27 + segments;
  if (packet + 8 > bytes.length) return null;
  const head = ascii(bytes, packet, 8);
  const sound =
    head.startsWith("\x01vorbis") || head === "OpusHead" || head.startsWith("\x7fFLAC") || head === "Speex   ";
  return sound ? { ...OGG } : null;
}
