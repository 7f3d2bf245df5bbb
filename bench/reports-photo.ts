import { jpegWithMetadata } from "../server/src/platform/files/fixtures/build.ts";

/** 1 MiB: the "1 MB attachment". */
export const PHOTO_BYTES = 1024 * 1024;

/**
 * A phone-like photo of `size` bytes: Chromium's JPEG with EXIF (GPS, camera), XMP, IPTC and a
 * comment (the files module's test fixture), grown to `size` with pseudo-random entropy-coded
 * bytes inserted just before the end marker. As in a real photo, nearly all of the file is scan
 * data, which the metadata remover walks byte by byte and copies, so the cleaned copy that gets
 * encrypted and stored is still ~1 MiB. Decoders show the original picture (the extra bytes come
 * after its last block; libjpeg warns about "extraneous bytes"). Deterministic for a given size.
 */
export function photoOfSize(size: number = PHOTO_BYTES): Uint8Array {
  const small = jpegWithMetadata();
  const eoi = small.length - 2;
  if (small[eoi] !== 0xff || small[eoi + 1] !== 0xd9) throw new Error("the fixture JPEG does not end with EOI");
  const padding = new Uint8Array(Math.max(0, size - small.length));
  let state = 0x2545f491;
  for (let i = 0; i < padding.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    // In entropy-coded data a 0xFF byte is always followed by a stuffed 0x00.
    padding[i] = i > 0 && padding[i - 1] === 0xff ? 0x00 : state & 0xff;
  }
  if (padding.length > 0 && padding[padding.length - 1] === 0xff) padding[padding.length - 1] = 0x00;
  const photo = new Uint8Array(small.length + padding.length);
  photo.set(small.subarray(0, eoi), 0);
  photo.set(padding, eoi);
  photo.set(small.subarray(eoi), eoi + padding.length);
  return photo;
}
