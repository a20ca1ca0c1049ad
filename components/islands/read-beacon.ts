export type ReadBeaconProps = { articleId: number };

/**
 * Counts one read of the article per page view: a beacon survives the reader
 * leaving the page, and carries no body and no identity (the server stores
 * only a per-day count).
 */
export function mountReadBeacon(_root: HTMLElement, { articleId }: ReadBeaconProps) {
  if (!Number.isSafeInteger(articleId)) return;
  const url = `/api/reads/${articleId}`;
  try {
    if (navigator.sendBeacon?.(url)) return;
  } catch {
    // Some privacy tools block beacons: fall back to a plain request.
  }
  fetch(url, { method: "POST", keepalive: true, credentials: "omit" }).catch(() => {});
}
