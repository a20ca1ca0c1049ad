import { isIsoDate, type IsoDate } from "@/lib/dates";

/** Route parameters arrive as untrusted strings: anything malformed is simply "not found". */
export const parseDateParam = (value: string): IsoDate | null => (isIsoDate(value) ? value : null);

export function parseIdParam(value: string, max = 2_147_483_647): number | null {
  if (!/^[1-9]\d{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= max ? n : null;
}
