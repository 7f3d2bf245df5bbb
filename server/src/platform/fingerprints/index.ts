/**
 * Content fingerprints of an uploaded work: SHA-256 of the bytes, and a 64-bit near-duplicate fingerprint
 * for texts (SimHash) and pictures (difference hash) that the consent decision index matches within a few
 * bits. Sound and video get SHA-256 only. See docs/decisions/0009-content-fingerprints.md.
 */
import { createHash } from "node:crypto";
import { sniffFileType } from "../files/file-type.ts";
import { DEFAULT_MAX_IMAGE_PIXELS, dhashImage, IMAGE_METHOD, UnreadableImageError } from "./image.ts";
import { decodeUtf8Text, NotTextError, simhashText, TEXT_METHOD } from "./text.ts";

export { fingerprintDistance } from "./bits.ts";
export { DEFAULT_MAX_IMAGE_PIXELS, IMAGE_METHOD, TEXT_METHOD };

/** The kinds of work the registry knows (`WORK_KINDS` in common/consent.ts). */
export type WorkKind = "text" | "image" | "audio" | "video" | "performance";
export type FingerprintMethod = typeof TEXT_METHOD | typeof IMAGE_METHOD;

export interface ContentFingerprints {
  /** SHA-256 of the bytes as uploaded, 64 lowercase hex digits. */
  sha256: string;
  /** 64-bit near-duplicate fingerprint, 16 lowercase hex digits; null for sound, video, performances and texts without words. */
  fingerprint: string | null;
  method: FingerprintMethod | null;
}

export type FingerprintErrorCode = "invalid_text" | "unsupported_image" | "undecodable_image" | "image_too_large";

/** The file cannot be fingerprinted as the kind of work it was given as; the message says why, for the uploader. */
export class FingerprintError extends Error {
  readonly code: FingerprintErrorCode;
  constructor(code: FingerprintErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "FingerprintError";
    this.code = code;
  }
}

/**
 * Fingerprints an uploaded work. Texts must be UTF-8 (plain text or Markdown; other files such as PDF
 * are refused); pictures JPEG, PNG or WebP of at most `maxImagePixels`. Sound, video and performances
 * are not examined: they get SHA-256 only. Throws `FingerprintError` when the file is not what its kind says.
 * The size of the upload is the caller's to limit.
 */
export async function contentFingerprints(
  bytes: Uint8Array,
  kind: WorkKind,
  options: { maxImagePixels?: number } = {},
): Promise<ContentFingerprints> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (kind === "text") {
    const fingerprint = simhashText(decodeText(bytes));
    return { sha256, fingerprint, method: fingerprint === null ? null : TEXT_METHOD };
  }
  if (kind === "image") {
    const sniffed = sniffFileType(bytes);
    if (sniffed?.kind !== "image") {
      throw new FingerprintError(
        "unsupported_image",
        sniffed
          ? `This file is ${sniffed.mediaType}, not a picture: pictures must be JPEG, PNG or WebP.`
          : "This is not a JPEG, PNG or WebP picture.",
      );
    }
    try {
      const fingerprint = await dhashImage(bytes, { maxPixels: options.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS });
      return { sha256, fingerprint, method: IMAGE_METHOD };
    } catch (error) {
      if (!(error instanceof UnreadableImageError)) throw error;
      const code = error.reason === "too_large" ? "image_too_large" : "undecodable_image";
      throw new FingerprintError(code, error.message, { cause: error });
    }
  }
  return { sha256, fingerprint: null, method: null };
}

function decodeText(bytes: Uint8Array): string {
  const sniffed = sniffFileType(bytes);
  if (sniffed) {
    throw new FingerprintError(
      "invalid_text",
      `This file is ${sniffed.mediaType}, not text: texts must be plain UTF-8 text.`,
    );
  }
  try {
    return decodeUtf8Text(bytes);
  } catch (error) {
    if (error instanceof NotTextError) throw new FingerprintError("invalid_text", error.message, { cause: error });
    throw error;
  }
}
