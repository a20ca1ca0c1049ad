import type { ArticlePhoto } from "@/lib/article-photos";
import { bodyStyles } from "@/components/reader/body-styles";
import type { PaywallLabels } from "@/components/reader/paywall";
import { articleReturn, paywallStyles as styles } from "@/components/reader/paywall-styles";
import { h, html } from "./dom";

/**
 * Every text of the gated body, translated by the server (no message catalog
 * ships to the browser). Templates keep their {placeholders}, filled in here;
 * a gloss is the English line beside the Chinese, null in English.
 */
export type GatedBodyLabels = {
  loading: string;
  failed: string;
  paywall: PaywallLabels;
  qrUnlock: { label: string; text: string; subscribe: string };
  meter: { label: string; left: string; leftGloss: string | null; last: string; lastGloss: string | null; signUp: string; subscribe: string };
  meterWall: {
    label: string;
    heading: string;
    offerSubscribe: string;
    offerMember: string;
    offerAnonymous: string;
    gloss: { heading: string; subscribe: string; member: string; anonymous: string } | null;
    signUp: string;
    signIn: string;
    subscribe: string;
  };
};

export type GatedBodyProps = { articleId: number; title: string; labels: GatedBodyLabels };

/** "{left} of {allowance}" with the numbers put in. */
const fill = (template: string, values: Record<string, number>): string => template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));

/** Metering (lib/metering.ts): this month's free articles used, out of the allowance. */
type Meter = { used: number; allowance: number; memberAllowance: number | null };

const stringsOnly = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const count = (value: unknown): number | null => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : null);

function meterOf(value: unknown): Meter | null {
  const { used, allowance, memberAllowance } = (value ?? {}) as Record<string, unknown>;
  const [u, a] = [count(used), count(allowance)];
  return u === null || a === null || a === 0 ? null : { used: u, allowance: a, memberAllowance: count(memberAllowance) };
}

function photosOf(value: unknown): ArticlePhoto[] {
  if (!Array.isArray(value)) return [];
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return value
    .filter((p): p is Record<string, unknown> => typeof p === "object" && p !== null && count(p.id) !== null)
    .map((p) => ({ id: p.id as number, caption: text(p.caption), credit: text(p.credit), width: count(p.width), height: count(p.height) }));
}

const link = (href: string, className: string, text: string) => h("a", { href, className }, text);

/**
 * The article page is cached and the same for everyone; the text after the
 * teaser comes from an access-checked endpoint, for this reader only, as
 * blocks of HTML the server sanitised (lib/article-body.ts). A device that
 * scanned this article's printed code gets it too, and is told why. With
 * metering on, readers without a subscription get it while this month's free
 * articles last, with a notice of how many are left, and then the
 * registration wall. The server renders the loading state inside `root`.
 */
export function mountGatedBody(root: HTMLElement, { articleId, title, labels }: GatedBodyProps) {
  let live = true;
  const show = (...content: Node[]) => {
    if (live) root.replaceChildren(...content);
  };
  fetch(`/api/articles/${articleId}/body`, { credentials: "same-origin", cache: "no-store" })
    .then(async (response) => {
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        const meter = meterOf(body.meter);
        const rest = stringsOnly(body.rest);
        const photos = photosOf(body.photos);
        show(
          h(
            "div",
            { "aria-live": "polite" },
            body.unlockedBy === "qr" && qrUnlockNotice(labels.qrUnlock),
            meter && meterNotice(meter, body.meter?.signedIn === true, articleId, labels.meter),
            rest.length > 0 && html(bodyStyles, rest.join("\n")),
            photos.length > 0 && h("div", { className: "mt-6" }, ...photos.map((photo) => figure(photo, title))),
          ),
        );
      } else if (response.status === 401 || response.status === 403) {
        const signedIn = response.status === 403;
        const accessNote = typeof body.accessNote === "string" ? body.accessNote : null;
        const wall = meterOf(body.wall);
        show(wall ? meterWall(wall, signedIn, articleId, accessNote, labels.meterWall) : paywall(signedIn, articleId, accessNote, labels.paywall));
      } else throw new Error(`body API answered ${response.status}`);
    })
    .catch(() => show(h("p", { role: "alert", className: "mt-4 rounded border border-brand/30 bg-white p-4 text-sm" }, labels.failed)));
  return () => {
    live = false;
  };
}

function figure(photo: ArticlePhoto, alt: string) {
  return h(
    "figure",
    { className: "mb-6" },
    h("img", { src: `/media/images/${photo.id}`, alt: photo.caption ?? alt, className: "w-full rounded", width: photo.width, height: photo.height }),
    h("figcaption", { className: "mt-2 text-sm leading-relaxed text-muted" }, photo.caption ?? "", photo.credit && h("span", { className: "ml-1 whitespace-nowrap" }, `(${photo.credit})`)),
  );
}

/** The paper in hand paid for this article; the notice says so and offers the rest of the paper. */
function qrUnlockNotice(labels: GatedBodyLabels["qrUnlock"]) {
  return h(
    "aside",
    { role: "note", "aria-label": labels.label, className: styles.notice, "data-testid": "qr-unlock-notice" },
    h("p", {}, labels.text),
    h("p", { className: "mt-3" }, link("/subscribe", styles.primary, labels.subscribe)),
  );
}

/** A metered read: how many of this month's free articles are left, and the way to more. */
function meterNotice(meter: Meter, signedIn: boolean, articleId: number, labels: GatedBodyLabels["meter"]) {
  const left = Math.max(meter.allowance - meter.used, 0);
  const values = { left, allowance: meter.allowance };
  const gloss = left > 0 ? labels.leftGloss : labels.lastGloss;
  return h(
    "aside",
    { role: "note", "aria-label": labels.label, className: styles.notice, "data-testid": "meter-notice" },
    h("p", {}, fill(left > 0 ? labels.left : labels.last, values), gloss && h("span", { className: "ml-1 text-muted" }, fill(gloss, values))),
    h(
      "p",
      { className: "mt-3 flex flex-wrap gap-3" },
      !signedIn && link(`/register?next=${articleReturn(articleId)}`, styles.outline, labels.signUp),
      link("/subscribe", styles.primary, labels.subscribe),
    ),
  );
}

/** The month's free articles are used: anonymous readers are asked to register (or sign in), members to subscribe. */
function meterWall(wall: Meter, signedIn: boolean, articleId: number, accessNote: string | null, labels: GatedBodyLabels["meterWall"]) {
  const values = { allowance: wall.allowance, used: wall.used, count: wall.memberAllowance ?? 0 };
  const offer = signedIn ? labels.offerSubscribe : wall.memberAllowance ? labels.offerMember : labels.offerAnonymous;
  const { gloss } = labels;
  return h(
    "section",
    { "aria-label": labels.label, className: styles.box, "data-testid": "meter-wall" },
    h("p", { className: "font-bold" }, fill(labels.heading, values)),
    h("p", { className: "mt-1" }, fill(offer, values)),
    gloss &&
      h("p", { className: "mt-1 text-sm text-muted" }, `${fill(gloss.heading, values)} ${fill(signedIn ? gloss.subscribe : wall.memberAllowance ? gloss.member : gloss.anonymous, values)}`),
    accessNote && h("p", { className: "mt-3 text-sm" }, accessNote),
    h(
      "p",
      { className: styles.actions },
      !signedIn && link(`/register?next=${articleReturn(articleId)}`, styles.primary, labels.signUp),
      !signedIn && link(`/login?next=${articleReturn(articleId)}`, styles.outline, labels.signIn),
      link("/subscribe", signedIn ? styles.primary : styles.outline, labels.subscribe),
    ),
  );
}

/** The same box as components/reader/paywall.tsx, drawn after the body API said no. */
function paywall(signedIn: boolean, articleId: number, accessNote: string | null, labels: PaywallLabels) {
  return h(
    "section",
    { "aria-label": labels.label, className: styles.box },
    h("p", { className: "font-bold" }, labels.heading),
    labels.headingGloss && h("p", { className: "mt-1 text-sm text-muted" }, labels.headingGloss),
    accessNote && h("p", { className: "mt-3 text-sm" }, accessNote),
    h("p", { className: styles.actions }, !signedIn && link(`/login?next=${articleReturn(articleId)}`, styles.outline, labels.signIn), link("/subscribe", styles.primary, labels.subscribe)),
  );
}
