import "server-only";
import { readerNextIssue } from "@/lib/calendar";
import { getPublication, issueContents, latestIssueOnOrBefore } from "@/lib/editions";
import { PAGE_IMAGE_HEIGHT, PAGE_IMAGE_WIDTH } from "@/lib/page-image";
import type { FrontIssue, PaperInfo } from "./landing-html";
import { paperDay } from "./visitor";
import { logger } from "@/lib/log";

const log = logger.child({ module: "qr" });

/**
 * What every QR landing page shows around its own content: the paper, today's
 * issue (front page and headlines) and the next issue date. Shared by all
 * scans and kept for a minute, like the cached `/` page it mirrors.
 */
export type FrontSnapshot = { paper: PaperInfo; latest: FrontIssue | null; nextIssueDate: string | null };

const TTL_MS = 60_000;
const MAX_HEADLINES = 8;
/** When the database can't be asked: still the paper's name and a way home. */
export const OFFLINE_SNAPSHOT: FrontSnapshot = { paper: { name: "财信报", slogan: null, hotline: null }, latest: null, nextIssueDate: null };

type Cached = { day: string; value: FrontSnapshot; expires: number };
const store = globalThis as unknown as { __caixinQrFront?: { cached?: Cached; pending?: Promise<FrontSnapshot> } };
const state = () => (store.__caixinQrFront ??= {});

async function load(today: string): Promise<FrontSnapshot> {
  const [publication, issue, next] = await Promise.all([getPublication(), latestIssueOnOrBefore(today), readerNextIssue(today)]);
  const paper = { name: publication.name, slogan: publication.slogan, hotline: publication.hotline };
  if (!issue) return { paper, latest: null, nextIssueDate: next.nextDate };
  const front = (await issueContents(issue.id)).find((page) => page.number === 1);
  return {
    paper,
    nextIssueDate: next.nextDate,
    latest: {
      date: issue.date,
      number: issue.number,
      pageCount: issue.pageCount,
      frontImage: front?.imageKey
        ? { src: `/issues/${issue.date}/pages/1/image`, width: front.imageWidth ?? PAGE_IMAGE_WIDTH, height: front.imageHeight ?? PAGE_IMAGE_HEIGHT }
        : null,
      headlines: (front?.articles ?? []).slice(0, MAX_HEADLINES).map((a) => ({ id: a.id, title: a.title, kicker: a.kicker })),
    },
  };
}

/** Today's snapshot; a stale one (or the offline one) when the database fails. Never throws. */
export async function frontSnapshot(today = paperDay()): Promise<FrontSnapshot> {
  const s = state();
  if (s.cached && s.cached.day === today && s.cached.expires > Date.now()) return s.cached.value;
  s.pending ??= load(today)
    .then((value) => {
      s.cached = { day: today, value, expires: Date.now() + TTL_MS };
      return value;
    })
    .catch((error: unknown) => {
      log.error({ err: error }, "QR landing: could not load today's issue");
      return s.cached?.value ?? OFFLINE_SNAPSHOT;
    })
    .finally(() => {
      s.pending = undefined;
    });
  return s.pending;
}

/** Drops the snapshot (tests, and after publishing an issue). */
export function forgetFrontSnapshot(): void {
  state().cached = undefined;
}
