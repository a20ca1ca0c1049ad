import { randomInt } from "node:crypto";

/**
 * Short-code alphabet for printed QR codes: upper-case letters and digits without the
 * look-alikes 0/O, 1/I/L (readers may type a code from print). 31 symbols, so a random
 * 7-character code is one of ≈ 2.75e10 — not enumerable by counting.
 */
export const QR_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export const QR_CODE_MIN_LENGTH = 6;
export const QR_CODE_MAX_LENGTH = 8;

const CODE_PATTERN = new RegExp(`^[${QR_ALPHABET}]{${QR_CODE_MIN_LENGTH},${QR_CODE_MAX_LENGTH}}$`);

/** A fresh random code from a CSPRNG (crypto.randomInt is uniform, no modulo bias). */
export function generateQrCode(length = 7): string {
  if (!Number.isInteger(length) || length < QR_CODE_MIN_LENGTH || length > QR_CODE_MAX_LENGTH) {
    throw new RangeError(`QR code length must be ${QR_CODE_MIN_LENGTH}–${QR_CODE_MAX_LENGTH}`);
  }
  let code = "";
  for (let i = 0; i < length; i++) code += QR_ALPHABET[randomInt(QR_ALPHABET.length)];
  return code;
}

/** Canonical (upper-case) form of a code typed or scanned in any case, or null when it can't be one of ours. */
export function normalizeQrCode(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const code = input.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** The printed short URL, e.g. https://caixin.example/q/AB3CD7F. */
export function shortUrl(code: string, appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/q/${code}`;
}
