"use client";

import { useEffect, useRef } from "react";

/**
 * Counts one read of the article per page view: a beacon survives the reader
 * leaving the page, and carries no body and no identity (the server stores
 * only a per-day count).
 */
export function ReadBeacon({ articleId }: { articleId: number }) {
  // Refs survive React's development double-run of effects: one view, one count.
  const counted = useRef<number | null>(null);
  useEffect(() => {
    if (counted.current === articleId) return;
    counted.current = articleId;
    const url = `/api/reads/${articleId}`;
    try {
      if (navigator.sendBeacon?.(url)) return;
    } catch {
      // Some privacy tools block beacons: fall back to a plain request.
    }
    fetch(url, { method: "POST", keepalive: true, credentials: "omit" }).catch(() => {});
  }, [articleId]);
  return null;
}
