"use client";

import { useEffect, useRef } from "react";
import { readingProgress } from "@/lib/reading-progress";

/**
 * A thin bar at the top of the window showing how far through the article the
 * reader has scrolled. Decorative and hidden from assistive technology: the
 * value changes on every scroll, announcing it would be noise, and the scroll
 * position already tells. Updated directly on the element (no React render per
 * scroll) and drawn with a transform, so it costs no layout.
 */
export function ReadingProgress() {
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = bar.current;
    const article = element?.closest("article");
    if (!element || !article) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const rect = article.getBoundingClientRect();
      element.style.transform = `scaleX(${readingProgress(rect.top, rect.height, window.innerHeight)})`;
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    // The rest of the text arrives after load for signed-in readers: the article grows.
    const resized = new ResizeObserver(schedule);
    resized.observe(article);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      resized.disconnect();
    };
  }, []);

  return (
    <div aria-hidden="true" data-reading-progress className="pointer-events-none fixed inset-x-0 top-0 z-40 h-1 print:hidden">
      <div ref={bar} className="h-full origin-left bg-brand" style={{ transform: "scaleX(0)" }} />
    </div>
  );
}
