import { randomInt } from "node:crypto";
import { fmix32, MAX_SEGMENT_LENGTH, mulhi32 } from "../../../../../common/consent-snapshot.ts";

/**
 * Builds a binary fuse filter with 16-bit fingerprints (Graf & Lemire, "Binary Fuse Filters: Fast
 * and Smaller Than Xor Filters", ACM JEA 2022), as the authors' single-header C library
 * (FastFilter/xor_singleheader, binaryfusefilter.h) does, over 64-bit keys given as pairs of
 * 32-bit words. The cells of a key and its fingerprint are those common/consent-snapshot.ts reads.
 * Identical keys are kept once. About 18 bits a key; a non-member hits with probability 2^-16.
 */

export interface FuseLayout {
  segmentLength: number;
  segmentCount: number;
  /** (segmentCount + 2) · segmentLength cells. */
  cells: number;
}

export interface FuseFilter extends FuseLayout {
  seed: number;
  /** Distinct keys in the filter. */
  keyCount: number;
  fingerprints: Uint16Array;
}

const MAX_ATTEMPTS = 100;

/** The reference's sizes for 3-wise binary fuse filters of `size` keys. */
export function fuseLayout(size: number): FuseLayout {
  let segmentLength = size === 0 ? 4 : 2 ** Math.floor(Math.log(size) / Math.log(3.33) + 2.25);
  segmentLength = Math.min(segmentLength, MAX_SEGMENT_LENGTH);
  const sizeFactor = size <= 1 ? 0 : Math.max(1.125, 0.875 + (0.25 * Math.log(1_000_000)) / Math.log(size));
  const capacity = size <= 1 ? 0 : Math.round(size * sizeFactor);
  const initSegmentCount = Math.ceil(capacity / segmentLength) - 2;
  let segmentCount = Math.max(initSegmentCount + 2, 0);
  segmentCount = segmentCount <= 2 ? 1 : segmentCount - 2;
  return { segmentLength, segmentCount, cells: (segmentCount + 2) * segmentLength };
}

export interface BuildOptions {
  /** The first seed tried (random by default); each retry takes the next of a fixed sequence. */
  seed?: number;
  /** Awaited now and then, so a large build lets other work run (e.g. setImmediate). */
  pause?: () => Promise<void>;
}

/**
 * The filter of `count` keys, key i being (keys[2i], keys[2i + 1]). Fails only when 100 seeds in a
 * row fail, which the authors put below the odds of a cosmic ray.
 */
export async function buildFuseFilter(
  given: Uint32Array,
  givenCount: number,
  options: BuildOptions = {},
): Promise<FuseFilter> {
  let keys = given;
  let count = givenCount;
  const layout = fuseLayout(count);
  const { segmentLength, cells } = layout;
  const segmentCountLength = layout.segmentCount * segmentLength;
  const mask = segmentLength - 1;
  const pause = options.pause ?? (async () => {});
  const STRIDE = 1 << 16;

  // Per cell: 4 × the number of keys in it plus which of the key's three cells it is (0, 1, 2),
  // XORed (the reference's t2count), and the XOR of their keys (t2hash).
  const counts = new Uint8Array(cells);
  const xor0 = new Uint32Array(cells);
  const xor1 = new Uint32Array(cells);
  const alone = new Uint32Array(cells);
  // Keys in peeling order, and which of their cells each was peeled from.
  const stack = new Uint32Array(count);
  const stackCell = new Uint8Array(count);
  const order = new Uint32Array(count);
  const h = new Uint32Array(3);

  let blockBits = 1;
  while (1 << blockBits < layout.segmentCount) blockBits++;
  const blocks = 1 << blockBits;
  const blockStart = new Uint32Array(blocks + 1);

  let seed = (options.seed ?? randomInt(0, 2 ** 32)) >>> 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) seed = fmix32((seed + 0x9e3779b9) >>> 0);
    /** The key's three cells into h; returns its fingerprint. */
    const cellsOf = (k0: number, k1: number): number => {
      const x = fmix32(k0 ^ seed);
      const y = fmix32(k1 ^ x);
      const z = fmix32(y ^ 0x9e3779b9);
      const h0 = mulhi32(x, segmentCountLength);
      h[0] = h0;
      h[1] = (h0 + segmentLength) ^ (y & mask);
      h[2] = (h0 + 2 * segmentLength) ^ (z & mask);
      return (y ^ z) >>> 16;
    };

    // Keys sorted by their first cell's block (a counting sort): cells are then touched in order.
    blockStart.fill(0);
    for (let i = 0; i < count; i++) {
      const x = fmix32((keys[2 * i] as number) ^ seed);
      const slot = (x >>> (32 - blockBits)) + 1;
      blockStart[slot] = (blockStart[slot] as number) + 1;
    }
    for (let b = 0; b < blocks; b++) blockStart[b + 1] = (blockStart[b + 1] as number) + (blockStart[b] as number);
    for (let i = 0; i < count; i++) {
      const x = fmix32((keys[2 * i] as number) ^ seed);
      const b = x >>> (32 - blockBits);
      order[blockStart[b] as number] = i;
      blockStart[b] = (blockStart[b] as number) + 1;
    }

    counts.fill(0);
    xor0.fill(0);
    xor1.fill(0);
    const isTwin = (cell: number) => xor0[cell] === 0 && xor1[cell] === 0 && counts[cell] === 8;
    let overflow = false;
    let duplicates = 0;
    for (let j = 0; j < count; j++) {
      if ((j & (STRIDE - 1)) === STRIDE - 1) await pause();
      const i = order[j] as number;
      const k0 = keys[2 * i] as number;
      const k1 = keys[2 * i + 1] as number;
      cellsOf(k0, k1);
      for (let c = 0; c < 3; c++) {
        const cell = h[c] as number;
        counts[cell] = ((counts[cell] as number) + 4) ^ c;
        xor0[cell] = (xor0[cell] as number) ^ k0;
        xor1[cell] = (xor1[cell] as number) ^ k1;
      }
      // A key met its twin: some cell now holds exactly these two, XORed to zero. Keep one.
      const a = h[0] as number;
      const b = h[1] as number;
      const c = h[2] as number;
      if (isTwin(a) || isTwin(b) || isTwin(c)) {
        duplicates++;
        for (let d = 0; d < 3; d++) {
          const cell = h[d] as number;
          counts[cell] = ((counts[cell] as number) - 4) ^ d;
          xor0[cell] = (xor0[cell] as number) ^ k0;
          xor1[cell] = (xor1[cell] as number) ^ k1;
        }
      }
      // More than 63 keys in one cell wraps its count: try another seed.
      if ((counts[a] as number) < 4 || (counts[b] as number) < 4 || (counts[c] as number) < 4) overflow = true;
    }
    if (overflow) continue;

    // Peel: take a cell with one key, remove that key from its other two cells, repeat.
    let queued = 0;
    for (let cell = 0; cell < cells; cell++) {
      alone[queued] = cell;
      if ((counts[cell] as number) >> 2 === 1) queued++;
    }
    let peeled = 0;
    let steps = 0;
    while (queued > 0) {
      if ((++steps & (STRIDE - 1)) === 0) await pause();
      const cell = alone[--queued] as number;
      if ((counts[cell] as number) >> 2 !== 1) continue;
      const k0 = xor0[cell] as number;
      const k1 = xor1[cell] as number;
      cellsOf(k0, k1);
      const found = (counts[cell] as number) & 3;
      stack[peeled] = cell;
      stackCell[peeled] = found;
      peeled++;
      for (let step = 1; step <= 2; step++) {
        const other = (found + step) % 3;
        const otherCell = h[other] as number;
        if ((counts[otherCell] as number) >> 2 === 2) alone[queued++] = otherCell;
        counts[otherCell] = ((counts[otherCell] as number) - 4) ^ other;
        xor0[otherCell] = (xor0[otherCell] as number) ^ k0;
        xor1[otherCell] = (xor1[otherCell] as number) ^ k1;
      }
      // The cell keeps its key in xor0/xor1 (no other key has it) for the assignment below.
      counts[cell] = 0;
    }
    if (peeled + duplicates !== count) {
      // Twins not caught above (none of their cells held just the two) cannot be peeled: drop
      // them all before the next seed, as the reference does.
      if (duplicates > 0 || attempt > 0) ({ keys, count } = uniqueKeys(keys, count));
      continue;
    }

    // Assign in reverse peeling order: each key's free cell makes its three cells XOR to its fingerprint.
    const fingerprints = new Uint16Array(cells);
    for (let s = peeled - 1; s >= 0; s--) {
      if ((s & (STRIDE - 1)) === 0) await pause();
      const cell = stack[s] as number;
      const fingerprint = cellsOf(xor0[cell] as number, xor1[cell] as number);
      const found = stackCell[s] as number;
      fingerprints[cell] =
        fingerprint ^
        (fingerprints[h[(found + 1) % 3] as number] as number) ^
        (fingerprints[h[(found + 2) % 3] as number] as number);
    }
    return { ...layout, seed, keyCount: peeled, fingerprints };
  }
  throw new Error(`No binary fuse filter of ${count} keys after ${MAX_ATTEMPTS} seeds.`);
}

/** The distinct keys, sorted. */
function uniqueKeys(keys: Uint32Array, count: number): { keys: Uint32Array; count: number } {
  const packed = new BigUint64Array(count);
  for (let i = 0; i < count; i++) {
    packed[i] = (BigInt(keys[2 * i] as number) << 32n) | BigInt(keys[2 * i + 1] as number);
  }
  packed.sort();
  const unique = new Uint32Array(2 * count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const key = packed[i] as bigint;
    if (i > 0 && key === packed[i - 1]) continue;
    unique[2 * n] = Number(key >> 32n);
    unique[2 * n + 1] = Number(key & 0xffffffffn);
    n++;
  }
  return { keys: unique, count: n };
}
