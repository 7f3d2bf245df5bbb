/** 16 hex digits: bit i (most significant first) is 1 where `values[i]` is positive. */
export function bitsToHex(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(8);
  for (let bit = 0; bit < 64; bit++) {
    if ((values[bit] as number) > 0) bytes[bit >> 3] = (bytes[bit >> 3] as number) | (0x80 >> (bit & 7));
  }
  return Buffer.from(bytes).toString("hex");
}

/** Number of bits in which two 16-hex-digit fingerprints differ. */
export function fingerprintDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0;
    for (; x !== 0; x &= x - 1) distance++;
  }
  return distance;
}
