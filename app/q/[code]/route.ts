import { after } from "next/server";
import { answerQrScan } from "@/lib/qr/scan-answer";
import { recordScan } from "@/lib/qr/scan-recorder";

// Every scan is answered and counted at request time; nothing here may run at build.
export const dynamic = "force-dynamic";

/**
 * `/q/CODE`, the address printed under every QR code. The visitor gets a 302
 * to the destination or a small HTML page (no JavaScript); the scan is queued
 * after the response is sent and written in batches. Returning the queue's
 * promise to `after()` makes a graceful shutdown wait until it is written.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { response, scan } = await answerQrScan(request, (await params).code);
  after(() => recordScan(scan));
  return response;
}
