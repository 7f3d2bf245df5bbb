import type { IdentifierScheme } from "./consent.ts";

/**
 * Work identifiers in one canonical form, so the same work matches however it was typed:
 * ISRC (ISO 3901), ISWC (ISO 15707, check digit verified), ISAN (ISO 15706, root and episode),
 * DOI (case-insensitive, with or without its resolver prefix), ISCC (ISO 24138) and URLs.
 */
export type NormalizedIdentifier = { ok: true; value: string } | { ok: false; message: string };

const invalid = (message: string): NormalizedIdentifier => ({ ok: false, message });

export function normalizeIdentifier(scheme: IdentifierScheme, raw: string): NormalizedIdentifier {
  const typed = raw.trim();
  switch (scheme) {
    case "isrc": {
      const value = typed
        .replace(/^ISRC[:\s]*/i, "")
        .replace(/[-\s]/g, "")
        .toUpperCase();
      return /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(value)
        ? { ok: true, value }
        : invalid("An ISRC has 12 characters: country, registrant, year and number, e.g. US-S1Z-99-00001");
    }
    case "iswc": {
      const value = typed
        .replace(/^ISWC[:\s]*/i, "")
        .replace(/[-.\s]/g, "")
        .toUpperCase();
      if (!/^T\d{10}$/.test(value)) return invalid("An ISWC is T followed by 10 digits, e.g. T-034.524.680-1");
      return iswcCheckDigitOk(value) ? { ok: true, value } : invalid("This ISWC's check digit is wrong");
    }
    case "isan": {
      const value = typed
        .replace(/^ISAN[:\s]*/i, "")
        .replace(/[-\s]/g, "")
        .toUpperCase();
      // Root (12 hex), episode (4 hex), optional check characters: the first 16 name the work.
      return /^[0-9A-F]{16}([0-9A-Z]{1}([0-9A-F]{8}[0-9A-Z]{1})?)?$/.test(value)
        ? { ok: true, value: value.slice(0, 16) }
        : invalid("An ISAN has 16 hexadecimal digits (root and episode), e.g. 0000-0000-3A8D-0000");
    }
    case "doi": {
      const value = typed.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, "").toLowerCase();
      return /^10\.\d{4,9}\/\S+$/.test(value)
        ? { ok: true, value }
        : invalid("A DOI starts with 10., e.g. 10.1000/182");
    }
    case "iscc": {
      const value = typed.replace(/^ISCC:/i, "").toUpperCase();
      return /^[A-Z2-7]{10,}$/.test(value)
        ? { ok: true, value: `ISCC:${value}` }
        : invalid("An ISCC code is ISCC: followed by base32 characters");
    }
    case "url":
      return normalizeUrl(typed);
  }
}

function iswcCheckDigitOk(value: string): boolean {
  const digits = value.slice(1).split("").map(Number);
  let sum = 1;
  for (let i = 0; i < 9; i++) sum += (digits[i] as number) * (i + 1);
  return (10 - (sum % 10)) % 10 === digits[9];
}

function normalizeUrl(typed: string): NormalizedIdentifier {
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return invalid("A URL starts with http:// or https://");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return invalid("A URL starts with http:// or https://");
  url.hash = "";
  // URL already lower-cases the host and drops default ports.
  return { ok: true, value: url.href };
}
