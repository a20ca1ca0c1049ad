import { describe, expect, it } from "vitest";
import {
  boundingBox,
  insertVertexAfter,
  MAX_POINTS,
  MAX_ZONES,
  MIN_SIDE,
  moveVertex,
  moveZone,
  normaliseZone,
  polygonArea,
  polygonToRect,
  rectFromCorners,
  rectToPolygon,
  removeVertex,
  resizeRect,
  resizeZone,
  zonesJsonSchema,
  zonesSchema,
  zonesSummary,
  type Point,
} from "./hot-zones";

const rect = (x: number, y: number, w: number, h: number) => ({ points: rectToPolygon({ x, y, w, h }) });
const errorsOf = (input: unknown) => {
  const result = zonesSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("hot-zones geometry", () => {
  it("turns a rectangle into a clockwise polygon and back", () => {
    const r = { x: 0.1, y: 0.2, w: 0.3, h: 0.4 };
    const points = rectToPolygon(r);
    expect(points).toEqual([
      [0.1, 0.2],
      [0.4, 0.2],
      [0.4, 0.6000000000000001],
      [0.1, 0.6000000000000001],
    ]);
    expect(polygonToRect(points)).toEqual(boundingBox(points));
    // Any start point and direction is still the same rectangle.
    expect(polygonToRect([points[2]!, points[1]!, points[0]!, points[3]!])).toEqual(boundingBox(points));
  });

  it("does not mistake other shapes for rectangles", () => {
    expect(polygonToRect([[0.1, 0.1], [0.5, 0.1], [0.3, 0.5]])).toBeNull();
    expect(polygonToRect([[0.1, 0.1], [0.5, 0.1], [0.6, 0.5], [0.1, 0.5]])).toBeNull();
    // Corners in crossing order make a bow tie, not a rectangle.
    expect(polygonToRect([[0.1, 0.1], [0.5, 0.5], [0.5, 0.1], [0.1, 0.5]])).toBeNull();
  });

  it("spans a rectangle from a drag in any direction, clamped to the page", () => {
    expect(rectFromCorners([0.5, 0.6], [0.2, 0.1])).toEqual({ x: 0.2, y: 0.1, w: 0.3, h: 0.5 });
    expect(rectFromCorners([-0.2, 0.9], [0.3, 1.4])).toEqual({ x: 0, y: 0.9, w: 0.3, h: 0.09999999999999998 });
  });

  it("moves a zone by a delta but keeps it on the page, shape unchanged", () => {
    const zone = rect(0.1, 0.1, 0.2, 0.2);
    expect(boundingBox(moveZone(zone, 0.05, 0.1).points)).toMatchObject({ x: 0.15000000000000002, y: 0.2 });
    const pushed = moveZone(zone, -1, 5);
    const box = boundingBox(pushed.points);
    expect(box.x).toBe(0);
    expect(box.y + box.h).toBeCloseTo(1);
    expect(box.w).toBeCloseTo(0.2);
    expect(box.h).toBeCloseTo(0.2);
  });

  it("moves one vertex, clamped to the page", () => {
    const tri = { points: [[0.1, 0.1], [0.5, 0.1], [0.3, 0.5]] as Point[] };
    expect(moveVertex(tri, 2, [0.3, 1.7]).points[2]).toEqual([0.3, 1]);
    expect(moveVertex(tri, 0, [0.2, 0.2]).points).toEqual([[0.2, 0.2], [0.5, 0.1], [0.3, 0.5]]);
  });

  it("resizes a rectangle by any corner, never flipping, never thinner than MIN_SIDE, never off the page", () => {
    const r = { x: 0.2, y: 0.2, w: 0.4, h: 0.4 };
    const se = resizeRect(r, "se", 0.1, -0.1);
    expect(se.x).toBe(0.2);
    expect(se.y).toBe(0.2);
    expect(se.w).toBeCloseTo(0.5);
    expect(se.h).toBeCloseTo(0.3);
    const nw = resizeRect(r, "nw", -0.1, 0.1);
    expect(nw.x).toBeCloseTo(0.1);
    expect(nw.y).toBeCloseTo(0.3);
    expect(nw.x + nw.w).toBeCloseTo(0.6);
    expect(nw.y + nw.h).toBeCloseTo(0.6);
    const collapsed = resizeRect(r, "ne", -5, 5);
    expect(collapsed.w).toBeCloseTo(MIN_SIDE);
    expect(collapsed.h).toBeCloseTo(MIN_SIDE);
    expect(collapsed.x).toBe(0.2);
    const huge = resizeRect(r, "sw", -5, 5);
    expect(huge.x).toBe(0);
    expect(huge.y + huge.h).toBe(1);
  });

  it("resizes a polygon by its bounding box, keeping its shape", () => {
    const tri = { points: [[0.2, 0.2], [0.4, 0.2], [0.3, 0.4]] as Point[] };
    const bigger = resizeZone(tri, "se", 0.2, 0.2);
    expect(bigger.points.map(([x, y]) => [+x.toFixed(6), +y.toFixed(6)])).toEqual([[0.2, 0.2], [0.6, 0.2], [0.4, 0.6]]);
    // A rectangle resized this way is resizeRect's rectangle.
    expect(boundingBox(resizeZone(rect(0.2, 0.2, 0.4, 0.4), "nw", -0.1, 0).points)).toEqual(resizeRect({ x: 0.2, y: 0.2, w: 0.4, h: 0.4 }, "nw", -0.1, 0));
  });

  it("inserts a vertex mid-edge (a rectangle becomes a polygon) and removes one down to three", () => {
    const r = rect(0, 0, 0.4, 0.2);
    const five = insertVertexAfter(r, 1);
    expect(five.points).toHaveLength(5);
    expect(five.points[2]).toEqual([0.4, 0.1]);
    expect(polygonToRect(five.points)).toBeNull();
    const four = removeVertex(five, 2);
    expect(four.points).toEqual(r.points);
    const three = removeVertex(four, 0);
    expect(three.points).toHaveLength(3);
    expect(removeVertex(three, 0)).toBe(three);
  });

  it("normalises: clamps, rounds to 4 decimals, drops repeated and closing points", () => {
    const zone = normaliseZone({
      points: [
        [0.123456, 0.1],
        [0.123456, 0.1],
        [0.5, 0.100004],
        [0.5, 0.6],
        [0.12346, 0.1],
      ],
    });
    expect(zone.points).toEqual([
      [0.1235, 0.1],
      [0.5, 0.1],
      [0.5, 0.6],
    ]);
    expect(polygonArea(zone.points)).toBeCloseTo(0.094125, 6);
  });

  it("summarises zones for the audit log as counts and bounding boxes", () => {
    expect(zonesSummary([rect(0.1, 0.2, 0.3, 0.4)])).toEqual({ zoneCount: 1, boxes: [[0.1, 0.2, 0.4, 0.6]] });
    expect(zonesSummary([])).toEqual({ zoneCount: 0, boxes: [] });
  });
});

describe("hot-zones validation", () => {
  it("accepts rectangles and polygons and returns them normalised", () => {
    const parsed = zonesSchema.parse([rect(0.1, 0.2, 0.3, 0.4), { points: [[0, 0], [1, 0], [0.5, 0.33333333]] }]);
    expect(parsed[0]!.points[2]).toEqual([0.4, 0.6]);
    expect(parsed[1]!.points[2]).toEqual([0.5, 0.3333]);
    expect(zonesSchema.parse([])).toEqual([]);
  });

  it("refuses coordinates off the page, and tolerates only float noise at the edges", () => {
    expect(errorsOf([{ points: [[0.1, 0.1], [1.2, 0.1], [0.5, 0.5]] }]).join()).toMatch(/版面内/);
    expect(errorsOf([{ points: [[-0.1, 0.1], [0.9, 0.1], [0.5, 0.5]] }]).join()).toMatch(/版面内/);
    const edge = zonesSchema.parse([{ points: [[-1e-9, 0], [1.0000000001, 0], [1, 1]] }]);
    expect(edge[0]!.points).toEqual([[0, 0], [1, 0], [1, 1]]);
  });

  it("refuses NaN, Infinity, strings and malformed points", () => {
    for (const bad of [NaN, Infinity, -Infinity, "0.5", null]) {
      expect(errorsOf([{ points: [[0.1, 0.1], [bad, 0.1], [0.5, 0.5]] }]).length).toBeGreaterThan(0);
    }
    expect(errorsOf([{ points: [[0.1, 0.1, 0.2], [0.9, 0.1], [0.5, 0.5]] }]).length).toBeGreaterThan(0);
    expect(errorsOf([{ points: "0,0 1,0 1,1" }]).length).toBeGreaterThan(0);
    expect(errorsOf({ points: [] }).length).toBeGreaterThan(0);
  });

  it("refuses too few or too many points, and too many zones", () => {
    expect(errorsOf([{ points: [[0.1, 0.1], [0.9, 0.9]] }]).join()).toMatch(/至少需要3个/);
    const circle = (n: number) => ({
      points: Array.from({ length: n }, (_, i) => [0.5 + 0.4 * Math.cos((2 * Math.PI * i) / n), 0.5 + 0.4 * Math.sin((2 * Math.PI * i) / n)]),
    });
    expect(errorsOf([circle(MAX_POINTS)])).toEqual([]);
    expect(errorsOf([circle(MAX_POINTS + 1)]).join()).toMatch(/最多64个点/);
    const many = Array.from({ length: MAX_ZONES + 1 }, () => rect(0.1, 0.1, 0.2, 0.2));
    expect(errorsOf(many).join()).toMatch(/最多20个热区/);
    expect(errorsOf(many.slice(0, MAX_ZONES))).toEqual([]);
  });

  it("refuses degenerate zones: a line, one repeated point, a sliver, a bow tie", () => {
    expect(errorsOf([{ points: [[0.1, 0.1], [0.5, 0.5], [0.9, 0.9]] }]).join()).toMatch(/太小|一条线/);
    expect(errorsOf([{ points: [[0.3, 0.3], [0.3, 0.3], [0.3, 0.3], [0.3, 0.3]] }]).join()).toMatch(/至少需要3个不同的点/);
    expect(errorsOf([rect(0.1, 0.1, 0.5, 0.0001)]).join()).toMatch(/太小/);
    expect(errorsOf([{ points: [[0.1, 0.1], [0.5, 0.5], [0.5, 0.1], [0.1, 0.5]] }]).join()).toMatch(/太小|一条线/);
  });

  it("parses the editor's JSON form field, and refuses what is not JSON", () => {
    expect(zonesJsonSchema.parse(JSON.stringify([rect(0.1, 0.1, 0.2, 0.2)]))).toHaveLength(1);
    const notJson = zonesJsonSchema.safeParse("[[0,0]");
    expect(notJson.success ? "" : notJson.error.issues[0]!.message).toMatch(/JSON/);
    // JSON has no NaN: a client that sends it sends null, which is refused.
    expect(zonesJsonSchema.safeParse(JSON.stringify([{ points: [[NaN, 0], [1, 0], [1, 1]] }])).success).toBe(false);
    expect(zonesJsonSchema.safeParse("x".repeat(200_000)).success).toBe(false);
  });
});
