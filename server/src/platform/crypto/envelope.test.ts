import { describe, expect, it } from "vitest";
import {
  createReaderKeyPair,
  createRecordKey,
  DecryptionError,
  decryptText,
  decryptWithKey,
  encryptWithKey,
  openSealed,
  sealToReader,
} from "./envelope.ts";
import {
  createReaderKeys,
  parseWrapped,
  serializeWrapped,
  unwrapPrivateKey,
  unwrapWithRecoveryCode,
  wrapPrivateKey,
} from "./reader-keys.ts";
import { createReceipt, deriveReceiptSecrets, normalizeReceipt, RECEIPT_DIGITS } from "./receipts.ts";
import { getSodium } from "./sodium.ts";

const MARKER = "MARKER-7f3a9c-confidential";

describe("receipts", () => {
  it("are 25 random digits in five groups, and never repeat", async () => {
    const receipts = await Promise.all(Array.from({ length: 2000 }, () => createReceipt()));
    for (const receipt of receipts) expect(receipt).toMatch(/^\d{5}( \d{5}){4}$/);
    expect(new Set(receipts).size).toBe(receipts.length);
    const digits = receipts.join("").replaceAll(" ", "");
    // Every digit is used, none far from a tenth (50,000 digits: a share outside 9–11 % would be a broken generator).
    for (let d = 0; d <= 9; d++) {
      const share = digits.split(String(d)).length / digits.length;
      expect(share).toBeGreaterThan(0.09);
      expect(share).toBeLessThan(0.11);
    }
    expect(Math.log2(10 ** RECEIPT_DIGITS)).toBeGreaterThanOrEqual(80);
  });

  it("are read back however they were typed, and refused when they cannot be one", () => {
    const digits = "4821390577129643081577201";
    expect(normalizeReceipt("48213 90577 12964 30815 77201")).toBe(digits);
    expect(normalizeReceipt(" 48213-90577-12964-30815-77201 ")).toBe(digits);
    expect(normalizeReceipt("４８２１３９０５７７１２９６４３０８１５７７２０１")).toBe(digits); // full-width
    expect(normalizeReceipt("٤٨٢١٣٩٠٥٧٧١٢٩٦٤٣٠٨١٥٧٧٢٠١")).toBe(digits); // Arabic-Indic
    expect(normalizeReceipt("४८२१३९०५७७१२९६४३०८१५७७२०१")).toBe(digits); // Devanagari
    expect(normalizeReceipt("48213 90577 12964 30815 7720")).toBeNull();
    expect(normalizeReceipt("48213 90577 12964 30815 772011")).toBeNull();
    expect(normalizeReceipt("48213 90577 12964 30815 7720O")).toBeNull();
    expect(normalizeReceipt("")).toBeNull();
  });

  it("derive a lookup value and a key that depend on the receipt and the installation, not on each other", async () => {
    const sodium = await getSodium();
    const salt = sodium.randombytes_buf(16);
    const digits = normalizeReceipt(await createReceipt()) as string;
    const first = await deriveReceiptSecrets(digits, salt);
    const again = await deriveReceiptSecrets(digits, salt);
    expect(again.lookup).toBe(first.lookup);
    expect(sodium.to_hex(again.key)).toBe(sodium.to_hex(first.key));
    expect(first.key).toHaveLength(32);
    expect(first.lookup).toMatch(/^[0-9a-f]{64}$/);
    expect(first.lookup).not.toBe(sodium.to_hex(first.key));
    const otherSalt = await deriveReceiptSecrets(digits, sodium.randombytes_buf(16));
    expect(otherSalt.lookup).not.toBe(first.lookup);
    const otherDigits = await deriveReceiptSecrets(`${digits.slice(0, -1)}${(Number(digits.at(-1)) + 1) % 10}`, salt);
    expect(otherDigits.lookup).not.toBe(first.lookup);
    await expect(deriveReceiptSecrets(digits, new Uint8Array(8))).rejects.toThrow(/16 bytes/);
  });
});

describe("envelope encryption", () => {
  it("encrypts with a record key, with a fresh nonce each time, and opens only with that key, unchanged", async () => {
    const key = await createRecordKey();
    const sealed = await encryptWithKey(MARKER, key);
    const again = await encryptWithKey(MARKER, key);
    expect(Buffer.from(sealed).toString("latin1")).not.toContain(MARKER);
    expect(Buffer.from(sealed).equals(Buffer.from(again))).toBe(false);
    expect(await decryptText(sealed, key)).toBe(MARKER);

    await expect(decryptWithKey(sealed, await createRecordKey())).rejects.toBeInstanceOf(DecryptionError);
    for (const index of [0, 30, sealed.length - 1]) {
      const tampered = Uint8Array.from(sealed);
      tampered[index] = (tampered[index] as number) ^ 1;
      await expect(decryptWithKey(tampered, key)).rejects.toBeInstanceOf(DecryptionError);
    }
    await expect(decryptWithKey(sealed.subarray(0, 10), key)).rejects.toBeInstanceOf(DecryptionError);
  });

  it("seals a record key to each reader, and to the reporter's receipt key; nobody else opens it", async () => {
    const sodium = await getSodium();
    const recordKey = await createRecordKey();
    const content = await encryptWithKey(MARKER, recordKey);
    const [officerA, officerB, outsider] = await Promise.all([
      createReaderKeyPair(),
      createReaderKeyPair(),
      createReaderKeyPair(),
    ]);
    const forA = await sealToReader(recordKey, officerA.publicKey);
    const forB = await sealToReader(recordKey, officerB.publicKey);
    const receipt = normalizeReceipt(await createReceipt()) as string;
    const salt = sodium.randombytes_buf(16);
    const forReporter = await encryptWithKey(recordKey, (await deriveReceiptSecrets(receipt, salt)).key);

    expect(await decryptText(content, await openSealed(forA, officerA))).toBe(MARKER);
    expect(await decryptText(content, await openSealed(forB, officerB))).toBe(MARKER);
    const reporterKey = await decryptWithKey(forReporter, (await deriveReceiptSecrets(receipt, salt)).key);
    expect(await decryptText(content, reporterKey)).toBe(MARKER);

    await expect(openSealed(forA, outsider)).rejects.toBeInstanceOf(DecryptionError);
    await expect(openSealed(forA, officerB)).rejects.toBeInstanceOf(DecryptionError);
    const wrongReceipt = `${receipt.slice(0, -1)}${(Number(receipt.at(-1)) + 1) % 10}`;
    const wrongKey = (await deriveReceiptSecrets(wrongReceipt, salt)).key;
    await expect(decryptWithKey(forReporter, wrongKey)).rejects.toBeInstanceOf(DecryptionError);
  });
});

describe("readers' private keys at rest", () => {
  it("open with the password or the recovery code (as typed), and with nothing else", async () => {
    const sodium = await getSodium();
    const keys = await createReaderKeys("correct horse battery staple");
    expect(keys.recoveryCode).toMatch(/^\d{5}( \d{5}){4}$/);
    const hex = sodium.to_hex(keys.privateKey);
    expect(sodium.to_hex(await unwrapPrivateKey(keys.forPassword, "correct horse battery staple"))).toBe(hex);
    const typed = keys.recoveryCode.replaceAll(" ", "-");
    expect(sodium.to_hex(await unwrapWithRecoveryCode(keys.forRecoveryCode, typed))).toBe(hex);

    await expect(unwrapPrivateKey(keys.forPassword, "Correct horse battery staple")).rejects.toBeInstanceOf(
      DecryptionError,
    );
    await expect(unwrapWithRecoveryCode(keys.forRecoveryCode, "12345")).rejects.toBeInstanceOf(DecryptionError);
    await expect(unwrapPrivateKey(keys.forRecoveryCode, "correct horse battery staple")).rejects.toBeInstanceOf(
      DecryptionError,
    );
    expect(Buffer.from(keys.forPassword.sealed).includes(Buffer.from(keys.privateKey))).toBe(false);
  });

  it("are stored as text and read back; a new password rewraps the same key", async () => {
    const sodium = await getSodium();
    const keys = await createReaderKeys("first password");
    const stored = await serializeWrapped(keys.forPassword);
    expect(stored).toMatch(/^argon2id\$m=65536,t=3\$[\w-]+\$[\w-]+$/);
    const parsed = await parseWrapped(stored);
    expect(sodium.to_hex(await unwrapPrivateKey(parsed, "first password"))).toBe(sodium.to_hex(keys.privateKey));
    await expect(parseWrapped("argon2id$m=1,t=1$!$!")).rejects.toThrow(/Unrecognised/);

    const rewrapped = await wrapPrivateKey(await unwrapPrivateKey(parsed, "first password"), "second password");
    expect(sodium.to_hex(await unwrapPrivateKey(rewrapped, "second password"))).toBe(sodium.to_hex(keys.privateKey));
    await expect(unwrapPrivateKey(rewrapped, "first password")).rejects.toBeInstanceOf(DecryptionError);
  });
});
