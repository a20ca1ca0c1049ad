"use client";

import Link from "next/link";
import { useState } from "react";

/**
 * The page image. Gated pages answer 401/403 to readers without access; then
 * the frame explains why instead of showing a broken image. The hot zones stay
 * usable either way.
 */
export type PageImageLabels = { locked: string; failed: string; signIn: string; subscribe: string };

export function PageImage({ src, alt, locked, labels }: { src: string; alt: string; locked: boolean; labels: PageImageLabels }) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-stone-100 p-6 text-center text-sm text-muted">
        <p>{locked ? labels.locked : labels.failed}</p>
        {locked && (
          <p className="flex gap-3">
            <Link href="/login" className="text-brand underline">{labels.signIn}</Link>
            <Link href="/subscribe" className="text-brand underline">{labels.subscribe}</Link>
          </p>
        )}
      </div>
    );
  }
  // Not draggable: a drag pans the zoomed page instead. High priority: it is the largest thing on the 版面 view.
  return (
    // eslint-disable-next-line @next/next/no-img-element -- served by our access-checked route, not the image optimiser
    <img
      src={src}
      alt={alt}
      draggable={false}
      fetchPriority="high"
      className="absolute inset-0 h-full w-full select-none"
      onError={() => setFailed(true)}
    />
  );
}
