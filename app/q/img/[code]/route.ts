import { deny, fileResponse } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { normalizeQrCode } from "@/lib/qr/code";
import { resolveQrCode } from "@/lib/qr/resolve";
import { getObject } from "@/lib/storage";

// Read from the database at request time only, never at build.
export const dynamic = "force-dynamic";

/** The picture of a code's landing page (`?fallback=1`: of its fallback page). As public as the page itself. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = normalizeQrCode((await params).code);
  const found = code ? await resolveQrCode(code).catch(() => null) : null;
  const landing = new URL(request.url).searchParams.get("fallback") === "1" ? found?.fallback : found?.landing;
  const missing = (await requestTranslator("reader.qrLanding"))("imageNotFound");
  if (!found?.enabled || !landing?.imageKey) return deny(404, missing);
  const file = await getObject(landing.imageKey).catch(() => null);
  return file ? fileResponse(file, { shared: true }) : deny(404, missing);
}
