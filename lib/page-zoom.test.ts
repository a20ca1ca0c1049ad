import { describe, expect, it } from "vitest";
import { FITTED, MAX_SCALE, clampZoom, panBy, pinch, reveal, zoomKeyAction, zoomTo } from "./page-zoom";

const size = { width: 400, height: 600 };

/** Where a page point (frame pixels at the fitted size) is drawn under a zoom. */
const drawn = (zoom: { scale: number; x: number; y: number }, p: { x: number; y: number }) => ({ x: zoom.x + p.x * zoom.scale, y: zoom.y + p.y * zoom.scale });

describe("zoom", () => {
  it("zooms about the centre by default and keeps the focus point still", () => {
    const z = zoomTo(FITTED, 2, size);
    expect(z).toEqual({ scale: 2, x: -200, y: -300 });
    const corner = zoomTo(FITTED, 2, size, { x: 100, y: 150 });
    expect(drawn(corner, { x: 100, y: 150 })).toEqual({ x: 100, y: 150 });
  });

  it("never shrinks below the fitted page or beyond the maximum", () => {
    expect(zoomTo(FITTED, 0.3, size)).toEqual(FITTED);
    expect(zoomTo(FITTED, 99, size).scale).toBe(MAX_SCALE);
    expect(clampZoom({ scale: Number.NaN, x: 5, y: 5 }, size)).toEqual(FITTED);
  });

  it("keeps the page covering the frame when panning", () => {
    const z = zoomTo(FITTED, 2, size);
    expect(panBy(z, 10_000, 10_000, size)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(panBy(z, -10_000, -10_000, size)).toEqual({ scale: 2, x: -400, y: -600 });
    expect(panBy(FITTED, 50, 50, size)).toEqual(FITTED);
  });

  it("pinches about the fingers' midpoint", () => {
    const from: [{ x: number; y: number }, { x: number; y: number }] = [{ x: 100, y: 100 }, { x: 200, y: 100 }];
    const to: [{ x: number; y: number }, { x: number; y: number }] = [{ x: 50, y: 100 }, { x: 250, y: 100 }];
    const z = pinch(FITTED, from, to, size);
    expect(z.scale).toBe(2);
    expect(drawn(z, { x: 150, y: 100 })).toEqual({ x: 150, y: 100 });
    // Fingers together again: back to the fitted page.
    expect(pinch(z, to, from, size)).toEqual(FITTED);
  });

  it("pans just enough to reveal a focused hot zone", () => {
    const z = zoomTo(FITTED, 2, size); // x -200, y -300
    expect(reveal(z, { left: 100, top: 100, width: 50, height: 50 }, size)).toEqual(z); // already in view
    expect(reveal(z, { left: 420, top: 100, width: 60, height: 50 }, size)).toEqual({ ...z, x: -280 });
    expect(reveal(z, { left: -150, top: -20, width: 60, height: 50 }, size)).toEqual({ ...z, x: -50, y: -280 });
  });
});

describe("zoom keys", () => {
  it("maps + − 0 and the arrows", () => {
    expect(zoomKeyAction({ key: "+" }, false)).toEqual({ kind: "zoom", factor: 1.5 });
    expect(zoomKeyAction({ key: "=" }, false)).toEqual({ kind: "zoom", factor: 1.5 });
    expect(zoomKeyAction({ key: "-" }, true)).toEqual({ kind: "zoom", factor: 1 / 1.5 });
    expect(zoomKeyAction({ key: "0" }, true)).toEqual({ kind: "reset" });
    expect(zoomKeyAction({ key: "ArrowRight" }, true)).toEqual({ kind: "pan", dx: -1, dy: 0 });
    expect(zoomKeyAction({ key: "ArrowUp" }, true)).toEqual({ kind: "pan", dx: 0, dy: 1 });
  });

  it("leaves arrows to scroll the page until zoomed in, and browser shortcuts alone", () => {
    expect(zoomKeyAction({ key: "ArrowDown" }, false)).toBeNull();
    expect(zoomKeyAction({ key: "0" }, false)).toBeNull();
    expect(zoomKeyAction({ key: "+", ctrlKey: true }, false)).toBeNull();
    expect(zoomKeyAction({ key: "Enter" }, true)).toBeNull();
    expect(zoomKeyAction({ key: "Tab" }, true)).toBeNull();
  });
});
