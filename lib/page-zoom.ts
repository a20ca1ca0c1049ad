/**
 * Zoom and pan of the 版面 view, as pure arithmetic. The page is drawn in a
 * frame of `size` CSS pixels with `translate(x, y) scale(scale)` from its top
 * left corner; the page always covers the frame, so it can never be dragged
 * out of sight or shrunk below its fitted size.
 */
export type Zoom = { scale: number; x: number; y: number };
export type Size = { width: number; height: number };
export type Point = { x: number; y: number };

export const MIN_SCALE = 1;
export const MAX_SCALE = 4;
export const ZOOM_STEP = 1.5;
/** Arrow keys move the page by this share of the frame. */
export const PAN_STEP = 0.1;
export const FITTED: Zoom = { scale: 1, x: 0, y: 0 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Keeps the scale in range and the page covering the frame. */
export function clampZoom(zoom: Zoom, size: Size): Zoom {
  const scale = clamp(Number.isFinite(zoom.scale) ? zoom.scale : MIN_SCALE, MIN_SCALE, MAX_SCALE);
  return {
    scale,
    x: clamp(zoom.x, size.width * (1 - scale), 0) || 0,
    y: clamp(zoom.y, size.height * (1 - scale), 0) || 0,
  };
}

/** Zooms to `scale`, keeping the page point under `focus` (frame pixels; the centre by default) where it is. */
export function zoomTo(zoom: Zoom, scale: number, size: Size, focus: Point = { x: size.width / 2, y: size.height / 2 }): Zoom {
  const next = clamp(scale, MIN_SCALE, MAX_SCALE);
  const ratio = next / zoom.scale;
  return clampZoom({ scale: next, x: focus.x - (focus.x - zoom.x) * ratio, y: focus.y - (focus.y - zoom.y) * ratio }, size);
}

export function panBy(zoom: Zoom, dx: number, dy: number, size: Size): Zoom {
  return clampZoom({ ...zoom, x: zoom.x + dx, y: zoom.y + dy }, size);
}

/**
 * Two fingers: the scale follows the distance between them and the page point
 * that was under their midpoint at the start stays under it as they move.
 */
export function pinch(start: Zoom, from: [Point, Point], to: [Point, Point], size: Size): Zoom {
  const distance = ([a, b]: [Point, Point]) => Math.hypot(a.x - b.x, a.y - b.y);
  const middle = ([a, b]: [Point, Point]): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const startDistance = distance(from);
  const scale = clamp(startDistance > 0 ? (start.scale * distance(to)) / startDistance : start.scale, MIN_SCALE, MAX_SCALE);
  const [m0, m1] = [middle(from), middle(to)];
  const ratio = scale / start.scale;
  return clampZoom({ scale, x: m1.x - (m0.x - start.x) * ratio, y: m1.y - (m0.y - start.y) * ratio }, size);
}

/**
 * Moves the page just enough to bring `rect` (frame pixels, e.g. a focused hot
 * zone) into view, so Tab never lands on a zone that is off screen.
 */
export function reveal(zoom: Zoom, rect: { left: number; top: number; width: number; height: number }, size: Size): Zoom {
  const shift = (start: number, length: number, frame: number) => {
    if (length >= frame || start < 0) return -start; // too big to fit, or off the start: align its start
    if (start + length > frame) return frame - (start + length);
    return 0;
  };
  return panBy(zoom, shift(rect.left, rect.width, size.width), shift(rect.top, rect.height, size.height), size);
}

export type ZoomKeyAction = { kind: "zoom"; factor: number } | { kind: "reset" } | { kind: "pan"; dx: number; dy: number };

/**
 * The keys of the 版面 view: + and − zoom, 0 fits the page again, arrows pan
 * (only while zoomed in: at the fitted size they scroll the page as usual).
 * Modified keys are left to the browser (Ctrl + zooms the whole page).
 */
export function zoomKeyAction(event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }, zoomed: boolean): ZoomKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case "+":
    case "=":
      return { kind: "zoom", factor: ZOOM_STEP };
    case "-":
    case "_":
      return { kind: "zoom", factor: 1 / ZOOM_STEP };
    case "0":
      return zoomed ? { kind: "reset" } : null;
    case "ArrowLeft":
      return zoomed ? { kind: "pan", dx: 1, dy: 0 } : null;
    case "ArrowRight":
      return zoomed ? { kind: "pan", dx: -1, dy: 0 } : null;
    case "ArrowUp":
      return zoomed ? { kind: "pan", dx: 0, dy: 1 } : null;
    case "ArrowDown":
      return zoomed ? { kind: "pan", dx: 0, dy: -1 } : null;
    default:
      return null;
  }
}
