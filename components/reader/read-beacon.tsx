import { Island } from "@/components/islands/island";

/** One read of the article per page view (components/islands/read-beacon.ts). */
export function ReadBeacon({ articleId }: { articleId: number }) {
  return <Island name="read-beacon" props={{ articleId }} hidden />;
}
