import { publishedPage } from "@/lib/editions";
import { deny, gatedFile } from "@/lib/file-response";
import { localeOr } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translate";
import { parseDateParam, parseIdParam } from "@/lib/params";

/** 第1版 is the shop window and public; every other page image is for subscribers and staff. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; date: string; n: string }> }) {
  const raw = await params;
  const missing = translatorFor(localeOr(raw.locale), "reader.pageImage")("notFound");
  const date = parseDateParam(raw.date);
  const number = parseIdParam(raw.n, 999);
  const found = date && number ? await publishedPage(date, number) : null;
  if (!found?.page.imageKey) return deny(404, missing);
  return gatedFile(found.page.imageKey, found.page.number === 1, missing);
}
