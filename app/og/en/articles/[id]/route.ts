import { parseIdParam } from "@/lib/params";
import { articleShareImage } from "@/lib/share-image-route";

// Cached like /og/articles/[id]: a path of its own (not ?lang=en) so each language's card is cached on its own.
export const revalidate = 3600;
export const generateStaticParams = async () => [];

/** The English pages' share card of an article: the date and labels in English, the headline as written. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return articleShareImage(parseIdParam((await params).id), "en");
}
