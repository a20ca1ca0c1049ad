/**
 * The single rule for "is a subscriber": some access window contains the instant.
 * Windows are half-open, [startsAt, endsAt), and endsAt = null means open-ended.
 */
export type AccessWindowLike = {
  startsAt: Date;
  endsAt: Date | null;
  source: "subscription" | "prepaid" | "gift" | "comp";
};

export const windowContains = (w: AccessWindowLike, at: Date): boolean =>
  w.startsAt.getTime() <= at.getTime() && (w.endsAt === null || at.getTime() < w.endsAt.getTime());

export const hasAccessAt = (windows: readonly AccessWindowLike[], at: Date): boolean =>
  windows.some((w) => windowContains(w, at));

export type AccessSummary =
  | { status: "active"; until: Date | null; source: AccessWindowLike["source"] }
  | { status: "lapsed"; endedAt: Date; source: AccessWindowLike["source"] }
  | { status: "upcoming"; startsAt: Date; source: AccessWindowLike["source"] }
  | { status: "none" };

/**
 * What a reader should be told about their access at an instant. While active,
 * "until" follows windows that touch or overlap, so a renewal that starts the
 * moment the old term ends reads as one continuous subscription.
 */
export function summarizeAccess(windows: readonly AccessWindowLike[], at: Date): AccessSummary {
  const current = windows.filter((w) => windowContains(w, at));
  if (current.length > 0) {
    const openEnded = current.find((w) => w.endsAt === null);
    if (openEnded) return { status: "active", until: null, source: openEnded.source };
    let best = current.reduce((a, b) => (a.endsAt!.getTime() >= b.endsAt!.getTime() ? a : b));
    let until = best.endsAt!;
    for (let changed = true; changed; ) {
      changed = false;
      for (const w of windows) {
        if (w.startsAt.getTime() <= until.getTime() && (w.endsAt === null || w.endsAt.getTime() > until.getTime())) {
          if (w.endsAt === null) return { status: "active", until: null, source: w.source };
          until = w.endsAt;
          best = w;
          changed = true;
        }
      }
    }
    return { status: "active", until, source: best.source };
  }
  const future = windows.filter((w) => w.startsAt.getTime() > at.getTime());
  if (future.length > 0) {
    const next = future.reduce((a, b) => (a.startsAt <= b.startsAt ? a : b));
    return { status: "upcoming", startsAt: next.startsAt, source: next.source };
  }
  const past = windows.filter((w) => w.endsAt !== null && w.endsAt.getTime() <= at.getTime());
  if (past.length > 0) {
    const last = past.reduce((a, b) => (a.endsAt!.getTime() >= b.endsAt!.getTime() ? a : b));
    return { status: "lapsed", endedAt: last.endsAt!, source: last.source };
  }
  return { status: "none" };
}
