import type { Db } from "@/db/client";
import { qrCodes } from "@/db/schema";
import { normalizeQrCode } from "./code";

/** The masthead code of the demo paper: printed under the 报头, it lands on today's issue. */
export const DEMO_MASTHEAD_CODE = "CXBNEWS";

/**
 * Demo QR codes for the seed (idempotent: an existing code is left as staff
 * edited it). Plain Drizzle, no "server-only": the seed runs under tsx.
 */
export async function seedDemoQrCodes(db: Db): Promise<{ masthead: string }> {
  const code = normalizeQrCode(DEMO_MASTHEAD_CODE);
  if (code !== DEMO_MASTHEAD_CODE) throw new Error(`The demo masthead code ${DEMO_MASTHEAD_CODE} does not fit the QR alphabet`);
  await db
    .insert(qrCodes)
    .values({ code, label: "报头二维码 · 扫码关注本报网站", placement: "masthead", destination: "landing", landing: null })
    .onConflictDoNothing({ target: qrCodes.code });
  return { masthead: code };
}
