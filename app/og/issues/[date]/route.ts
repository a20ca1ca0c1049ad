import { parseDateParam } from "@/lib/params";
import { issueShareImage } from "@/lib/share-image-route";

export const revalidate = 3600;
export const generateStaticParams = async () => [];

/** The share card of a published issue: its lead headline, the paper's name and the date. */
export async function GET(_request: Request, { params }: { params: Promise<{ date: string }> }) {
  return issueShareImage(parseDateParam((await params).date), undefined, "zh-CN");
}
