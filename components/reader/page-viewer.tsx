import { getTranslations } from "next-intl/server";
import type { ArticleSummary, Page } from "@/lib/editions";
import { pageImageLabels, zoomLabels } from "./labels";
import { PageImage } from "./page-image";
import { ZoomablePage } from "./zoomable-page";

/**
 * The 版面: the page image with every article's hot zone as a real link, in
 * page-relative coordinates, so zones fit whatever resolution the image has.
 * Image and zones zoom together (ZoomablePage). `articleHrefBase` lets the
 * staff preview point zones at its own article pages; `locked` says whether a
 * failing image is for subscribers only.
 */
export async function PageViewer({
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
  const [t, zoom, image] = await Promise.all([getTranslations("reader.pageViewer"), zoomLabels(), pageImageLabels()]);
  const names = { number: page.number, name: page.name };
  return (
    <ZoomablePage aspectRatio={`${width} / ${height}`} label={t("frameLabel", names)} labels={zoom}>
      <PageImage src={imageSrc} alt={t("imageAlt", names)} locked={locked} labels={image} />
      <svg viewBox="0 0 1 1" preserveAspectRatio="none" className="absolute inset-0 h-full w-full" role="group" aria-label={t("regions")}>
        {articles.flatMap((a) =>
          a.hotZones.map((zone, i) => (
            // tabIndex: Safari leaves SVG links out of the Tab order without it.
            <a key={`${a.id}-${i}`} href={`${articleHrefBase}${a.id}`} aria-label={a.title} tabIndex={0} className="group outline-none" data-hot-zone={a.id}>
              <title>{a.title}</title>
              <polygon
                points={zone.points.map(([x, y]) => `${x},${y}`).join(" ")}
                className="fill-transparent stroke-transparent transition-colors group-hover:fill-brand/10 group-hover:stroke-brand group-focus-visible:fill-brand/20 group-focus-visible:stroke-brand group-focus-visible:[stroke-width:4]"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
              />
            </a>
          )),
        )}
      </svg>
    </ZoomablePage>
  );
}
