import { after } from "next/server";
import { answerQrScan } from "@/lib/qr/scan-answer";
import { recordScan } from "@/lib/qr/scan-recorder";

// Every scan is answered and counted at request time; nothing here may run at build.
export const dynamic = "force-dynamic";

/** `/q` without a code (a cut-off link): the friendly page, counted as an orphan scan like any unknown code. */
export async function GET(request: Request) {
  const { response, scan } = await answerQrScan(request, "");
  after(() => recordScan(scan));
  return response;
}
