import { after } from "next/server";
import { answerQrScan } from "@/lib/qr/scan-answer";
import { recordScan } from "@/lib/qr/scan-recorder";

// Every scan is answered and counted at request time; nothing here may run at build.
export const dynamic = "force-dynamic";

/** `/q/CODE/anything`: no code has a slash, so this is the friendly page (and an orphan scan), not the site's 404. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string; rest: string[] }> }) {
  const { code, rest } = await params;
  const { response, scan } = await answerQrScan(request, [code, ...rest].join("/"));
  after(() => recordScan(scan));
  return response;
}
