import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fingerprintDistance } from "./bits.ts";
import { drawing, photo } from "./fixtures/generate.ts";
import { BEYOND, LIGHT_EDITS, REENCODINGS } from "./fixtures/variants.ts";
import { dhashImage, UnreadableImageError } from "./image.ts";

/** The consent decision index's NEAR_DUPLICATE_BITS: fingerprints this close are the same work. */
const NEAR = 3;

const pictures = await Promise.all([
  ...[1, 2, 3, 4, 5, 6].map((seed) => photo(seed)),
  ...[1, 2, 3, 4, 5, 6].map((seed) => drawing(seed)),
]);
const hashes = await Promise.all(pictures.map((picture) => dhashImage(picture)));

async function distancesAfter(variant: (picture: Buffer) => Promise<Buffer>): Promise<number[]> {
  return Promise.all(
    pictures.map(async (picture, i) =>
      fingerprintDistance(hashes[i] as string, await dhashImage(await variant(picture))),
    ),
  );
}

/** A PNG whose header claims `width` × `height` pixels, followed by a few bytes of (unread) data. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    chunk("IHDR", header),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe("dhashImage", () => {
  it("gives 16 hex digits", () => {
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("keeps a picture re-encoded or resized within the near-duplicate distance", async () => {
    for (const [name, variant] of Object.entries(REENCODINGS)) {
      const distances = await distancesAfter(variant);
      // Measured on 80 pictures: JPEG at quality 15 and 128-pixel thumbnails reach 4–5 bits for 1 % of them.
      expect({ name, over: distances.filter((d) => d > NEAR) }).toEqual({ name, over: [] });
    }
  });

  it("keeps lightly edited pictures within the near-duplicate distance, nearly always", async () => {
    const all: number[] = [];
    for (const variant of Object.values(LIGHT_EDITS)) all.push(...(await distancesAfter(variant)));
    // 8 edits × 12 pictures; measured on 80 pictures: 98–100 % within 3 bits per edit, at most 9 bits.
    expect(all.filter((d) => d <= NEAR).length / all.length).toBeGreaterThanOrEqual(0.95);
    expect(Math.max(...all)).toBeLessThanOrEqual(10);
  });

  it("does not recognize crops, borders, rotations or mirror images (the method's known limits)", async () => {
    for (const variant of Object.values(BEYOND)) {
      const distances = await distancesAfter(variant);
      expect(distances.filter((d) => d > NEAR).length).toBeGreaterThanOrEqual(distances.length - 2);
    }
  });

  it("puts unrelated pictures far apart", () => {
    const distances: number[] = [];
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        distances.push(fingerprintDistance(hashes[i] as string, hashes[j] as string));
      }
    }
    expect(Math.min(...distances)).toBeGreaterThan(10);
    expect([...distances].sort((a, b) => a - b)[distances.length >> 1]).toBeGreaterThanOrEqual(24);
  });

  it("reads the picture as it is shown: upright by its EXIF orientation, in any colour depth", async () => {
    const picture = pictures[0] as Buffer;
    const hash = hashes[0] as string;
    const storedSideways = await sharp(await sharp(picture).rotate(-90).toBuffer())
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 92 })
      .toBuffer();
    expect(fingerprintDistance(hash, await dhashImage(storedSideways))).toBeLessThanOrEqual(1);
    expect(await dhashImage(await sharp(picture).toColourspace("rgb16").png().toBuffer())).toBe(hash);
    expect(await dhashImage(await sharp(picture).ensureAlpha(1).png().toBuffer())).toBe(hash);
    const cmyk = await sharp(picture).toColourspace("cmyk").jpeg({ quality: 92 }).toBuffer();
    expect(fingerprintDistance(hash, await dhashImage(cmyk))).toBeLessThanOrEqual(NEAR);
  });

  it("flattens transparency onto white", async () => {
    const mark = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="60" fill="#c0392b"/></svg>',
    );
    const transparent = await sharp(mark).png().toBuffer();
    const onWhite = await sharp(mark).flatten({ background: "#ffffff" }).jpeg({ quality: 90 }).toBuffer();
    expect(fingerprintDistance(await dhashImage(transparent), await dhashImage(onWhite))).toBeLessThanOrEqual(NEAR);
  });

  it("refuses damaged pictures with a clear error", async () => {
    const jpeg = await sharp(pictures[0]).jpeg().toBuffer();
    const png = pictures[0] as Buffer;
    const webp = await sharp(pictures[0]).webp().toBuffer();
    const garbled = Buffer.from(jpeg);
    for (let i = 600; i < 2000; i++) garbled[i] = (i * 7) & 0xff;
    for (const damaged of [
      jpeg.subarray(0, jpeg.length >> 1),
      png.subarray(0, png.length >> 1),
      webp.subarray(0, webp.length >> 1),
      garbled,
      jpeg.subarray(0, 16),
    ]) {
      const error = await dhashImage(damaged).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableImageError);
      expect(error).toMatchObject({
        reason: "undecodable",
        message: expect.stringMatching(/^The picture cannot be decoded \(.+\)\.$/),
      });
    }
  });

  it("refuses a picture with too many pixels before decoding it", async () => {
    const started = performance.now();
    const bomb = pngClaiming(60_000, 60_000); // 3.6 billion pixels, 10.8 GB decoded, in 65 bytes
    await expect(dhashImage(bomb)).rejects.toMatchObject({
      reason: "too_large",
      message: expect.stringContaining("150,000,000 pixels"),
    });
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(dhashImage(pictures[0] as Buffer, { maxPixels: 480 * 360 - 1 })).rejects.toMatchObject({
      reason: "too_large",
    });
    expect(await dhashImage(pictures[0] as Buffer, { maxPixels: 480 * 360 })).toBe(hashes[0]);
  });
});
