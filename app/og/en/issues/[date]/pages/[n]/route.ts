import { parseDateParam, parseIdParam } from "@/lib/params";
import { issueShareImage } from "@/lib/share-image-route";

export const revalidate = 3600;
export const generateStaticParams = async () => [];

/** The English pages' share card of one 版: the date and labels in English, the headline and the 版's name as written. */
export async function GET(_request: Request, { params }: { params: Promise<{ date: string; n: string }> }) {
  const raw = await params;
  return issueShareImage(parseDateParam(raw.date), parseIdParam(raw.n, 999) ?? 0, "en");
}
