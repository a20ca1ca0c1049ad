import type { ArticlePhoto } from "@/lib/article-photos";

export function ArticlePhotos({ photos, alt }: { photos: ArticlePhoto[]; alt: string }) {
  return photos.map((photo) => (
    <figure key={photo.id} className="mb-6">
      {/* eslint-disable-next-line @next/next/no-img-element -- served by our access-checked route */}
      <img src={`/media/images/${photo.id}`} alt={photo.caption ?? alt} className="w-full rounded" width={photo.width ?? undefined} height={photo.height ?? undefined} />
      <figcaption className="mt-2 text-sm leading-relaxed text-muted">
        {photo.caption}
        {photo.credit && <span className="ml-1 whitespace-nowrap">({photo.credit})</span>}
      </figcaption>
    </figure>
  ));
}
