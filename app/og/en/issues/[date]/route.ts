import { parseDateParam } from "@/lib/params";
import { issueShareImage } from "@/lib/share-image-route";

export const revalidate = 3600;
export const generateStaticParams = async () => [];

/** The English pages' share card of an issue: the date and labels in English, the lead headline as written. */
export async function GET(_request: Request, { params }: { params: Promise<{ date: string }> }) {
  return issueShareImage(parseDateParam((await params).date), undefined, "en");
}
