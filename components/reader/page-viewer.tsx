import type { ArticleSummary, Page } from "@/lib/editions";
import { PageImage } from "./page-image";

/**
 * The 版面: the page image with every article's hot zone as a real link, in
 * page-relative coordinates, so zones fit whatever resolution the image has.
 * `articleHrefBase` lets the staff preview point zones at its own article
 * pages; `locked` says whether a failing image is for subscribers only.
 */
export function PageViewer({
  page,
  imageSrc,
  articles,
  articleHrefBase = "/articles/",
  locked = page.number !== 1,
}: {
  page: Page;
  imageSrc: string;
  articles: ArticleSummary[];
  articleHrefBase?: string;
  locked?: boolean;
}) {
  const width = page.imageWidth ?? 1000;
  const height = page.imageHeight ?? 1414;
  return (
    <figure className="relative w-full overflow-hidden border border-rule bg-white shadow-sm" style={{ aspectRatio: `${width} / ${height}` }}>
      <PageImage src={imageSrc} alt={`第${page.number}版 ${page.name} 版面图`} locked={locked} />
      <svg viewBox="0 0 1 1" preserveAspectRatio="none" className="absolute inset-0 h-full w-full" role="group" aria-label="版面热区 Article regions">
        {articles.flatMap((a) =>
          a.hotZones.map((zone, i) => (
            <a key={`${a.id}-${i}`} href={`${articleHrefBase}${a.id}`} aria-label={a.title} className="group outline-none">
              <title>{a.title}</title>
              <polygon
                points={zone.points.map(([x, y]) => `${x},${y}`).join(" ")}
                className="fill-transparent stroke-transparent transition-colors group-hover:fill-brand/10 group-hover:stroke-brand group-focus-visible:fill-brand/15 group-focus-visible:stroke-brand"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
              />
            </a>
          )),
        )}
      </svg>
    </figure>
  );
}
