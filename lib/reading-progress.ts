/**
 * How far through the article the reader is, 0–1: 0 while its top is at or
 * below the top of the window, 1 once its end is in view. `top` is the
 * article's top edge relative to the window (getBoundingClientRect().top).
 */
export function readingProgress(top: number, height: number, viewportHeight: number): number {
  const travel = height - viewportHeight;
  if (travel <= 0) return top + height <= viewportHeight ? 1 : 0; // a short article: read once it is all on screen
  return Math.min(1, Math.max(0, -top / travel));
}
