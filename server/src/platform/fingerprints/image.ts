/**
 * Difference hash of a picture (dHash, after Neal Krawetz's "Kind of Like That", 2013), for near-duplicate
 * lookup: the same picture re-encoded, resized or lightly retouched lands a few bits away; unrelated
 * pictures about 32 bits away. See docs/decisions/0009-content-fingerprints.md.
 *
 * The method, `dhash-image-v1`:
 *
 * 1. Decode with libvips (through sharp): JPEG, PNG or WebP only (recognized by `sniffFileType`), the
 *    first frame of an animation, turned upright by its EXIF orientation, transparency flattened onto
 *    white, converted to 8-bit grey.
 * 2. Resize, ignoring the aspect ratio, to 72 × 64 pixels, then average each 8 × 8 block: a grid of
 *    9 columns × 8 rows of mean grey levels (0–255). Averaging in two steps keeps the grid's values
 *    fractional, so that re-encoding noise does not tip them over integer rounding.
 * 3. Row by row, top to bottom, left to right: bit = 1 when a cell is brighter than its left-hand
 *    neighbour by more than 2 grey levels, else 0 (64 bits). The dead zone keeps flat areas — white
 *    paper, a plain background, a clear sky — at a stable 0 instead of at the mercy of compression noise.
 * 4. Bit 0 is the first cell pair of the top row, written as the most significant bit of 16 lowercase
 *    hexadecimal digits.
 *
 * Another resizer computes slightly different grid values: a hash made elsewhere is a near neighbour of
 * ours, not always the same value.
 */
import sharp from "sharp";
import { bitsToHex } from "./bits.ts";

export const IMAGE_METHOD = "dhash-image-v1";
/** Pictures larger than this are refused before their pixels are decoded (decompression bombs). */
export const DEFAULT_MAX_IMAGE_PIXELS = 150_000_000;

const COLUMNS = 9;
const ROWS = 8;
const BLOCK = 8;
const DEAD_ZONE = 2;

/** The picture cannot be read: damaged, truncated, or too large. */
export class UnreadableImageError extends Error {
  readonly reason: "undecodable" | "too_large";
  constructor(reason: "undecodable" | "too_large", message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UnreadableImageError";
    this.reason = reason;
  }
}

/** The 64-bit difference hash of a JPEG, PNG or WebP picture, as 16 hex digits (the caller checks the type first: sharp reads more formats). */
export async function dhashImage(bytes: Uint8Array, options: { maxPixels?: number } = {}): Promise<string> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  const width = COLUMNS * BLOCK;
  const height = ROWS * BLOCK;
  let pixels: Buffer;
  try {
    const { data, info } = await sharp(bytes, { autoOrient: true, limitInputPixels: maxPixels, failOn: "warning" })
      .flatten({ background: "#ffffff" })
      .toColourspace("b-w")
      .resize(width, height, { fit: "fill" })
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    if (info.width !== width || info.height !== height || info.channels !== 1) {
      throw new Error(`unexpected ${info.width}×${info.height}×${info.channels} grey image`);
    }
    pixels = data;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) {
      throw new UnreadableImageError(
        "too_large",
        `The picture has more than ${maxPixels.toLocaleString("en")} pixels: it is refused unread.`,
        { cause: error },
      );
    }
    throw new UnreadableImageError("undecodable", `The picture cannot be decoded (${firstLine(message)}).`, {
      cause: error,
    });
  }
  const cells = new Float64Array(COLUMNS * ROWS);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cell = Math.floor(y / BLOCK) * COLUMNS + Math.floor(x / BLOCK);
      cells[cell] = (cells[cell] as number) + (pixels[y * width + x] as number) / (BLOCK * BLOCK);
    }
  }
  const differences = new Float64Array(64);
  for (let row = 0; row < ROWS; row++) {
    for (let column = 0; column < COLUMNS - 1; column++) {
      const left = cells[row * COLUMNS + column] as number;
      const right = cells[row * COLUMNS + column + 1] as number;
      differences[row * (COLUMNS - 1) + column] = right - left - DEAD_ZONE;
    }
  }
  return bitsToHex(differences);
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).trim();
}
