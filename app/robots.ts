import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { robotsRules } from "@/lib/site-index";

/** robots.txt: read at request time, so the sitemap's address follows APP_URL as deployed, not as built. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return robotsRules(env().APP_URL);
}
