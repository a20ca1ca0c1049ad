import { CSV_BOM, csvLine } from "@/lib/csv";
import { isIsoDate, todayInPaperZone, type IsoDate } from "@/lib/dates";
import type { DistributionDay } from "@/lib/delivery-holds";

/**
 * The delivery-hold list for the distribution team as CSV (RFC 4180), and the
 * shipping address Stripe Checkout collected, read defensively: it is stored
 * as Stripe sent it ({ name, address: { line1, city, postal_code, … } }).
 */
export type ShippingAddress = { name: string; line1: string; line2: string; city: string; state: string; postalCode: string; country: string };

export function readShippingAddress(json: Record<string, unknown> | null): ShippingAddress {
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const inner = (json?.address && typeof json.address === "object" ? json.address : {}) as Record<string, unknown>;
  return {
    name: text(json?.name),
    line1: text(inner.line1),
    line2: text(inner.line2),
    city: text(inner.city),
    state: text(inner.state),
    postalCode: text(inner.postal_code),
    country: text(inner.country),
  };
}

/** Days covered, from today: the same window on /admin/delivery and in the CSV. */
export const CSV_DAYS = 30;

/** The first day of the list: ?from= when it is a real date, else today. */
export const listStart = (from: string | null | undefined, today: IsoDate = todayInPaperZone()): IsoDate =>
  from && isIsoDate(from) ? from : today;

export const CSV_COLUMNS = ["issue_date", "issue_number", "email", "name", "address_line1", "city", "postal_code", "country", "hold_starts", "hold_ends"] as const;


/** With a byte-order mark so Excel reads the Chinese as UTF-8; CRLF line ends. */
export function deliveryHoldsCsv(days: readonly DistributionDay[]): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const day of days) {
    for (const hold of day.holds) {
      const a = readShippingAddress(hold.shippingAddress);
      const line1 = [a.line1, a.line2].filter(Boolean).join(" ");
      rows.push([day.date, day.number ?? "", hold.email, a.name || hold.name || "", line1, a.city, a.postalCode, a.country, hold.startsOn, hold.endsOn]);
    }
  }
  return CSV_BOM + rows.map(csvLine).join("");
}
