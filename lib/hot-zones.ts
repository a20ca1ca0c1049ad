// use-intl/core, not next-intl: the importer's CLI runs under the react-server condition, where next-intl's client half cannot load.
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import type { HotZone } from "@/db/schema";
import zhMessages from "@/lib/i18n/messages/zh-CN/admin-issues.json" with { type: "json" };

/**
 * Hot zones (热区): the clickable regions of an article on its page image, as
 * polygons in page-relative coordinates (0..1 of the image's width and
 * height), so they fit any rendition of the page: a thumbnail, a rescan at
 * another resolution, a phone screen. Pure functions, shared by the editor in
 * the browser and the server that validates what it sends.
 */
export type Point = [number, number];
export type Zone = HotZone;
/** An axis-aligned rectangle, page-relative: x, y its top-left corner. */
export type Rect = { x: number; y: number; w: number; h: number };
/** A corner of a rectangle a resize handle sits on. */
export type Corner = "nw" | "ne" | "se" | "sw";

export const MAX_ZONES = 20;
export const MIN_POINTS = 3;
export const MAX_POINTS = 64;
/** Coordinates are kept to 4 decimals: 0.1 px on a 1000 px page, and short JSON. */
export const DECIMALS = 4;
/** Smaller than this share of the page (about 1 % × 1 %) is a slip of the mouse, not a region. */
export const MIN_AREA = 0.0001;
/** The smallest side a rectangle can be resized to. */
export const MIN_SIDE = 0.01;
/** Rounding on the client may land a hair outside the page; farther out is an error, not a rounding. */
const TOLERANCE = 1e-6;

const FACTOR = 10 ** DECIMALS;
export const round = (value: number): number => Math.round(value * FACTOR) / FACTOR;
export const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
const clampPoint = ([x, y]: Point): Point => [clamp01(x), clamp01(y)];

/** Area by the shoelace formula; ~0 for a line, a point or a bow tie whose halves cancel. */
export function polygonArea(points: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

export function boundingBox(points: readonly Point[]): Rect {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** The four corners clockwise from the top left, as the reader's SVG and the page images draw them. */
export function rectToPolygon({ x, y, w, h }: Rect): Point[] {
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
}

/** The rectangle a polygon is, when it is an axis-aligned rectangle (any start, either direction); else null. */
export function polygonToRect(points: readonly Point[]): Rect | null {
  if (points.length !== 4) return null;
  const box = boundingBox(points);
  if (box.w <= 0 || box.h <= 0) return null;
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const corners = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const [x, y] = points[i]!;
    const [nx, ny] = points[(i + 1) % 4]!;
    const onX = same(x, box.x) || same(x, box.x + box.w);
    const onY = same(y, box.y) || same(y, box.y + box.h);
    if (!onX || !onY) return null;
    // Each side runs along one axis.
    if (!same(x, nx) && !same(y, ny)) return null;
    corners.add(`${same(x, box.x) ? "l" : "r"}${same(y, box.y) ? "t" : "b"}`);
  }
  return corners.size === 4 ? box : null;
}

/** The rectangle spanned by two points (a drag from `a` to `b`), clamped to the page. */
export function rectFromCorners(a: Point, b: Point): Rect {
  const [ax, ay] = clampPoint(a);
  const [bx, by] = clampPoint(b);
  return { x: Math.min(ax, bx), y: Math.min(ay, by), w: Math.abs(bx - ax), h: Math.abs(by - ay) };
}

/** The delta limited so that a shape with this bounding box stays on the page. */
function keepInside(box: Rect, dx: number, dy: number): [number, number] {
  const x = Math.min(Math.max(dx, -box.x), 1 - (box.x + box.w));
  const y = Math.min(Math.max(dy, -box.y), 1 - (box.y + box.h));
  return [x, y];
}

/** Moves a whole zone by (dx, dy); at the page edge it stops there, keeping its shape. */
export function moveZone(zone: Zone, dx: number, dy: number): Zone {
  const [mx, my] = keepInside(boundingBox(zone.points), dx, dy);
  return { points: zone.points.map(([x, y]) => [x + mx, y + my]) };
}

/** Moves one vertex to `to`, clamped to the page. */
export function moveVertex(zone: Zone, index: number, to: Point): Zone {
  return { points: zone.points.map((p, i) => (i === index ? clampPoint(to) : p)) };
}

/**
 * Resizes a rectangle by dragging `corner` by (dx, dy). The opposite corner
 * stays put; the rectangle never flips over and never gets thinner than
 * MIN_SIDE, and its dragged corner stays on the page.
 */
export function resizeRect(rect: Rect, corner: Corner, dx: number, dy: number): Rect {
  let left = rect.x;
  let top = rect.y;
  let right = rect.x + rect.w;
  let bottom = rect.y + rect.h;
  if (corner === "nw" || corner === "sw") left = Math.min(Math.max(0, left + dx), right - MIN_SIDE);
  else right = Math.max(Math.min(1, right + dx), left + MIN_SIDE);
  if (corner === "nw" || corner === "ne") top = Math.min(Math.max(0, top + dy), bottom - MIN_SIDE);
  else bottom = Math.max(Math.min(1, bottom + dy), top + MIN_SIDE);
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/**
 * Resizes any zone by dragging a corner of its bounding box: a rectangle as
 * resizeRect does, a polygon scaled to the new box (its shape kept).
 */
export function resizeZone(zone: Zone, corner: Corner, dx: number, dy: number): Zone {
  const box = boundingBox(zone.points);
  const next = resizeRect(box, corner, dx, dy);
  const sx = box.w > 0 ? next.w / box.w : 1;
  const sy = box.h > 0 ? next.h / box.h : 1;
  return { points: zone.points.map(([x, y]) => [clamp01(next.x + (x - box.x) * sx), clamp01(next.y + (y - box.y) * sy)]) };
}

/** A new vertex halfway along the edge from vertex `index` to the next one: how a rectangle becomes a polygon. */
export function insertVertexAfter(zone: Zone, index: number): Zone {
  if (zone.points.length >= MAX_POINTS) return zone;
  const a = zone.points[index]!;
  const b = zone.points[(index + 1) % zone.points.length]!;
  const points = [...zone.points];
  points.splice(index + 1, 0, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
  return { points };
}

/** Removes one vertex, unless that would leave fewer than MIN_POINTS. */
export function removeVertex(zone: Zone, index: number): Zone {
  if (zone.points.length <= MIN_POINTS) return zone;
  return { points: zone.points.filter((_, i) => i !== index) };
}

/** The corner of `rect` at index i of rectToPolygon's order. */
export const CORNERS: readonly Corner[] = ["nw", "ne", "se", "sw"];

/**
 * A zone as stored: clamped to the page, rounded to DECIMALS, with repeated
 * points (and a closing point equal to the first) dropped. May come out with
 * fewer than 3 points or no area: `zoneProblem` says so.
 */
export function normaliseZone(zone: Zone): Zone {
  const rounded = zone.points.map(([x, y]) => [round(clamp01(x)), round(clamp01(y))] as Point);
  const points: Point[] = [];
  for (const p of rounded) {
    const last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  while (points.length > 1 && points[0]![0] === points[points.length - 1]![0] && points[0]![1] === points[points.length - 1]![1]) points.pop();
  return { points };
}

// ── messages ──

/** A rule's message, by its key under adminIssues.zoneRules in the message catalog. */
export type ZoneMessage = keyof (typeof zhMessages)["zoneRules"];
/**
 * Words a rule's message in the staff member's language: the editor passes
 * its useTranslations("adminIssues.zoneRules"), the server a translator of
 * the request's language.
 */
export type ZoneText = (key: ZoneMessage, values?: Record<string, string>) => string;

const zhRules = /* @__PURE__ */ createTranslator({ locale: "zh-CN", messages: { zoneRules: zhMessages.zoneRules }, namespace: "zoneRules" });
/** Chinese, the language of the default schemas below (tests, scripts, the importer's CLI). */
export const zhZoneText: ZoneText = (key, values) => zhRules(key, values);

/** Why a (normalised) zone can't be stored, or null when it can. */
export function zoneProblem(zone: Zone, text: ZoneText): string | null {
  if (zone.points.length < MIN_POINTS) return text("tooFewDistinctPoints", { min: String(MIN_POINTS) });
  if (zone.points.length > MAX_POINTS) return text("tooManyPoints", { max: String(MAX_POINTS) });
  if (polygonArea(zone.points) < MIN_AREA) return text("tooSmall");
  return null;
}

// ── validation of what the editor sends ──

function makeZoneSchema(text: ZoneText) {
  const coordinate = z
    .number({ error: text("coordinateNumber") })
    .refine(Number.isFinite, text("coordinateFinite"))
    .refine((v) => v >= -TOLERANCE && v <= 1 + TOLERANCE, text("coordinateRange"));

  const pointSchema = z.tuple([coordinate, coordinate], { error: text("pointShape") });

  return z
    .object(
      {
        points: z
          .array(pointSchema, { error: text("pointsList") })
          .min(MIN_POINTS, text("tooFewPoints", { min: String(MIN_POINTS) }))
          .max(MAX_POINTS, text("tooManyPoints", { max: String(MAX_POINTS) })),
      },
      { error: text("zoneShape") },
    )
    .transform((zone, ctx) => {
      const normal = normaliseZone(zone as Zone);
      const problem = zoneProblem(normal, text);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return normal;
    });
}

/** The zones of one article, as stored in articles.hot_zones; messages worded by `text`. */
export function makeZonesSchema(text: ZoneText) {
  return z.array(makeZoneSchema(text), { error: text("zonesShape") }).max(MAX_ZONES, text("tooManyZones", { max: String(MAX_ZONES) }));
}

// 64 points × 2 coordinates × ~8 characters × 20 zones stays far below this.
const MAX_JSON_LENGTH = 100_000;

/** The zones as the editor's form sends them: one JSON string field. */
export function makeZonesJsonSchema(text: ZoneText) {
  return z
    .string({ error: text("missingData") })
    .max(MAX_JSON_LENGTH, text("dataTooLarge"))
    .transform((json, ctx) => {
      try {
        return JSON.parse(json) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: text("notJson") });
        return z.NEVER;
      }
    })
    .pipe(makeZonesSchema(text));
}

/** The schemas in Chinese. Pure: the editor in the browser never loads them. */
export const zonesSchema = /* @__PURE__ */ makeZonesSchema(zhZoneText);
export const zonesJsonSchema = /* @__PURE__ */ makeZonesJsonSchema(zhZoneText);

/** For the audit log and messages: how many zones, and where (bounding boxes as [x0, y0, x1, y1]). */
export function zonesSummary(zones: readonly Zone[]): { zoneCount: number; boxes: [number, number, number, number][] } {
  return {
    zoneCount: zones.length,
    boxes: zones.map((zone) => {
      const b = boundingBox(zone.points);
      return [round(b.x), round(b.y), round(b.x + b.w), round(b.y + b.h)];
    }),
  };
}
