import { unstable_cache } from "next/cache";
import { connection } from "next/server";
import { getPublication } from "@/lib/editions";
import { env } from "@/lib/env";
import { feedXml, loadFeedIssues } from "@/lib/feed";

// The database is never opened at build time, so this route cannot be prerendered with
// `revalidate`; the XML is kept in Next's data cache for the same five minutes instead.
const FEED_SECONDS = 300;

const cachedFeed = unstable_cache(
  async (appUrl: string) => {
    const [publication, issues] = await Promise.all([getPublication(), loadFeedIssues()]);
    return feedXml({ appUrl, paperName: publication.name, slogan: publication.slogan, issues });
  },
  ["feed.xml"],
  { revalidate: FEED_SECONDS, tags: ["feed"] },
);

/** Atom feed of the latest issues: free articles whole, subscriber-only ones as teaser and link. */
export async function GET(): Promise<Response> {
  await connection();
  const xml = await cachedFeed(env().APP_URL);
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": `public, max-age=${FEED_SECONDS}, stale-while-revalidate=3600`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
