"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import {
  clamp01,
  insertVertexAfter,
  MIN_SIDE,
  moveVertex,
  moveZone,
  normaliseZone,
  polygonToRect,
  rectFromCorners,
  rectToPolygon,
  removeVertex,
  resizeZone,
  zoneProblem,
  type Corner,
  type Point,
  type Zone,
} from "@/lib/hot-zones";

/**
 * The drawing surface of the hot-zone editor: the page image with every
 * article's zones over it. Coordinates are taken relative to the image as it
 * is displayed (0..1 of its width and height), never in pixels of the file,
 * so zones fit any rendition of the page. Pointer events serve mouse, pen and
 * touch alike; every zone and handle is also a focusable control.
 */
export type Tool = "select" | "rect" | "polygon";
export type CanvasArticle = { id: number; title: string };

/** Arrow-key steps, page-relative: fine, and with Shift. */
export const STEP = 0.0025;
export const BIG_STEP = 0.025;

export const zoneFocusKey = (articleId: number, index: number) => `zone-${articleId}-${index}`;
export const handleFocusKey = (articleId: number, index: number, vertex: number) => `handle-${articleId}-${index}-${vertex}`;

type Drag =
  | { kind: "rect"; start: Point }
  | { kind: "move"; articleId: number; index: number; origin: Point; original: Zone; moved: boolean }
  | { kind: "corner"; articleId: number; index: number; corner: Corner; origin: Point; original: Zone; moved: boolean }
  | { kind: "vertex"; articleId: number; index: number; vertex: number; origin: Point; original: Zone; moved: boolean };

type Props = {
  imageSrc: string;
  imageAlt: string;
  imageWidth: number;
  imageHeight: number;
  articles: CanvasArticle[];
  zonesById: Record<number, Zone[]>;
  activeId: number | null;
  selected: number | null;
  tool: Tool;
  onSelect: (articleId: number, index: number | null) => void;
  /** Remember the zones as they are, for undo, before a drag changes them. */
  onRecord: () => void;
  /** Replace one article's zones (after onRecord, or together with it when `record`). */
  onChange: (articleId: number, zones: Zone[], options?: { record?: boolean; focus?: string }) => void;
  onAdd: (zone: Zone) => void;
  onDelete: (articleId: number, index: number) => void;
  onToolDone: () => void;
  onNotice: (text: string) => void;
};

const pointsAttr = (zone: Zone) => zone.points.map(([x, y]) => `${x},${y}`).join(" ");

function arrowDelta(event: KeyboardEvent): [number, number] | null {
  const step = event.shiftKey ? BIG_STEP : STEP;
  switch (event.key) {
    case "ArrowLeft":
      return [-step, 0];
    case "ArrowRight":
      return [step, 0];
    case "ArrowUp":
      return [0, -step];
    case "ArrowDown":
      return [0, step];
    default:
      return null;
  }
}

export function ZoneCanvas(props: Props) {
  const { articles, zonesById, activeId, selected, tool, onSelect, onRecord, onChange, onAdd, onDelete, onToolDone, onNotice } = props;
  const surface = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [rectDraft, setRectDraft] = useState<{ start: Point; end: Point } | null>(null);
  const [polygon, setPolygon] = useState<{ points: Point[]; cursor: Point | null } | null>(null);
  const [imageFailed, setImageFailed] = useState(false);
  const t = useTranslations("adminIssues.zoneCanvas");
  const rules = useTranslations("adminIssues.zoneRules");
  /** 《标题》热区 1: every zone's accessible name. */
  const zoneLabel = (title: string, index: number) => t("zoneLabel", { title, n: String(index + 1) });

  const titleOf = (id: number) => articles.find((a) => a.id === id)?.title ?? "";
  const activeZones = activeId === null ? [] : (zonesById[activeId] ?? []);

  function toPage(event: { clientX: number; clientY: number }): Point {
    const box = surface.current!.getBoundingClientRect();
    return [clamp01((event.clientX - box.left) / box.width), clamp01((event.clientY - box.top) / box.height)];
  }

  /** Within a few screen pixels: closing a polygon by clicking its first point. */
  function near(a: Point, b: Point): boolean {
    const box = surface.current!.getBoundingClientRect();
    return Math.abs((a[0] - b[0]) * box.width) <= 10 && Math.abs((a[1] - b[1]) * box.height) <= 10;
  }

  function closePolygon(points: Point[]) {
    setPolygon(null);
    const zone = normaliseZone({ points });
    const problem = zoneProblem(zone, (key, values) => rules(key, values));
    if (problem) {
      onNotice(t("notAdded", { problem }));
      return;
    }
    onAdd(zone);
    onToolDone();
  }

  // Enter closes the polygon being drawn, Escape abandons it (or a rectangle being dragged), Backspace takes back a point.
  useEffect(() => {
    if (!polygon && !rectDraft) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        setPolygon(null);
        setRectDraft(null);
        drag.current = null;
        onNotice(t("drawingCancelled"));
      } else if (polygon && event.key === "Enter") {
        event.preventDefault();
        closePolygon(polygon.points);
      } else if (polygon && event.key === "Backspace") {
        event.preventDefault();
        setPolygon(polygon.points.length > 1 ? { ...polygon, points: polygon.points.slice(0, -1) } : null);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  // Switching tools abandons a half-drawn polygon (state adjusted during render, as React advises).
  const [toolShown, setToolShown] = useState(tool);
  if (tool !== toolShown) {
    setToolShown(tool);
    setPolygon(null);
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    const p = toPage(event);
    if (tool !== "select") {
      if (activeId === null) {
        onNotice(t("chooseArticle"));
        return;
      }
      event.preventDefault();
      if (tool === "rect") {
        drag.current = { kind: "rect", start: p };
        setRectDraft({ start: p, end: p });
        surface.current!.setPointerCapture(event.pointerId);
      } else if (!polygon) {
        setPolygon({ points: [p], cursor: p });
      } else if (polygon.points.length >= 3 && near(p, polygon.points[0]!)) {
        closePolygon(polygon.points);
      } else {
        setPolygon({ points: [...polygon.points, p], cursor: p });
      }
      return;
    }
    const target = event.target as Element;
    const handle = target.closest<HTMLElement>("[data-handle]");
    const zoneEl = target.closest<SVGElement>("[data-zone]");
    if (handle) {
      const [articleId, index, vertex] = handle.dataset.handle!.split(":").map(Number) as [number, number, number];
      const original = zonesById[articleId]![index]!;
      const corner = handle.dataset.corner as Corner | undefined;
      drag.current = corner
        ? { kind: "corner", articleId, index, corner, origin: p, original, moved: false }
        : { kind: "vertex", articleId, index, vertex, origin: p, original, moved: false };
      handle.focus({ preventScroll: true });
    } else if (zoneEl) {
      const [articleId, index] = zoneEl.dataset.zone!.split(":").map(Number) as [number, number];
      onSelect(articleId, index);
      drag.current = { kind: "move", articleId, index, origin: p, original: zonesById[articleId]![index]!, moved: false };
      zoneEl.focus({ preventScroll: true });
    } else {
      if (activeId !== null) onSelect(activeId, null);
      return;
    }
    event.preventDefault();
    surface.current!.setPointerCapture(event.pointerId);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const p = toPage(event);
    if (polygon) setPolygon({ ...polygon, cursor: p });
    const current = drag.current;
    if (!current) return;
    if (current.kind === "rect") {
      setRectDraft({ start: current.start, end: p });
      return;
    }
    if (!current.moved) {
      // A click without movement is a selection, not an edit to undo.
      if (p[0] === current.origin[0] && p[1] === current.origin[1]) return;
      onRecord();
      current.moved = true;
    }
    const zones = [...(zonesById[current.articleId] ?? [])];
    if (current.kind === "move") zones[current.index] = moveZone(current.original, p[0] - current.origin[0], p[1] - current.origin[1]);
    else if (current.kind === "corner") zones[current.index] = resizeZone(current.original, current.corner, p[0] - current.origin[0], p[1] - current.origin[1]);
    else zones[current.index] = moveVertex(current.original, current.vertex, p);
    onChange(current.articleId, zones);
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    const current = drag.current;
    drag.current = null;
    if (surface.current?.hasPointerCapture(event.pointerId)) surface.current.releasePointerCapture(event.pointerId);
    if (current?.kind !== "rect") return;
    setRectDraft(null);
    if (event.type === "pointercancel") return;
    const rect = rectFromCorners(current.start, toPage(event));
    if (rect.w < MIN_SIDE || rect.h < MIN_SIDE) {
      onNotice(t("rectangleTooSmall"));
      return;
    }
    onAdd({ points: rectToPolygon(rect) });
    onToolDone();
  }

  function onZoneKeyDown(event: KeyboardEvent, articleId: number, index: number) {
    const zone = zonesById[articleId]?.[index];
    // While drawing, the keys belong to the drawing (Enter, Escape, Backspace).
    if (!zone || polygon || rectDraft) return;
    if (event.key === "Tab" && !event.shiftKey && articleId === activeId && index === selected && tool === "select") {
      // The handles are HTML drawn after the SVG: Tab goes from a zone to its own handles first.
      const first = surface.current?.querySelector<HTMLElement>(`[data-focus-key="${handleFocusKey(articleId, index, 0)}"]`);
      if (first) {
        event.preventDefault();
        first.focus();
      }
      return;
    }
    const delta = arrowDelta(event);
    if (delta) {
      event.preventDefault();
      const resize = event.altKey || event.ctrlKey || event.metaKey;
      const zones = [...zonesById[articleId]!];
      zones[index] = resize ? resizeZone(zone, "se", delta[0], delta[1]) : moveZone(zone, delta[0], delta[1]);
      onChange(articleId, zones, { record: true });
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      onDelete(articleId, index);
    }
  }

  function onHandleKeyDown(event: KeyboardEvent, articleId: number, index: number, vertex: number, corner: Corner | null) {
    const zone = zonesById[articleId]?.[index];
    if (!zone) return;
    const zones = [...zonesById[articleId]!];
    if (event.key === "Tab") {
      // From the handles back to their zone, or on to the zone after it.
      const zonesInOrder = [...(surface.current?.querySelectorAll<SVGElement>("[data-zone]") ?? [])];
      const own = zonesInOrder.findIndex((el) => el.dataset.zone === `${articleId}:${index}`);
      const target = event.shiftKey ? (vertex === 0 ? zonesInOrder[own] : null) : vertex === zone.points.length - 1 ? zonesInOrder[own + 1] : null;
      if (target) {
        event.preventDefault();
        target.focus();
      }
      return;
    }
    const delta = arrowDelta(event);
    if (delta) {
      event.preventDefault();
      const [x, y] = zone.points[vertex]!;
      zones[index] = corner ? resizeZone(zone, corner, delta[0], delta[1]) : moveVertex(zone, vertex, [x + delta[0], y + delta[1]]);
      onChange(articleId, zones, { record: true });
    } else if (event.key === "+" || event.key === "=" || event.key === "Insert") {
      event.preventDefault();
      const next = insertVertexAfter(zone, vertex);
      if (next === zone) return onNotice(t("vertexLimit"));
      zones[index] = next;
      onChange(articleId, zones, { record: true, focus: handleFocusKey(articleId, index, vertex + 1) });
      onNotice(t("vertexAdded", { after: String(vertex + 1), n: String(vertex + 2) }));
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      const next = removeVertex(zone, vertex);
      if (next === zone) return onNotice(t("vertexMinimum"));
      zones[index] = next;
      onChange(articleId, zones, { record: true, focus: handleFocusKey(articleId, index, Math.max(0, vertex - 1)) });
      onNotice(t("vertexDeleted", { n: String(vertex + 1) }));
    }
  }

  // The active article's zones are drawn last, on top, so they win the pointer.
  const ordered = [...articles.filter((a) => a.id !== activeId), ...articles.filter((a) => a.id === activeId)];
  const selectedZone = activeId !== null && selected !== null ? activeZones[selected] : undefined;
  const selectedRect = selectedZone ? polygonToRect(selectedZone.points) : null;
  const draftPolyline = polygon ? [...polygon.points, ...(polygon.cursor ? [polygon.cursor] : [])] : [];

  return (
    <div
      ref={surface}
      // On touch, the page scrolls over the image until a tool or a zone is chosen: tap a zone, then drag it.
      className={`relative w-full select-none overflow-hidden border border-rule bg-white shadow-sm ${tool === "select" ? "" : "cursor-crosshair"} ${
        tool !== "select" || selected !== null ? "touch-none" : ""
      }`}
      style={{ aspectRatio: `${props.imageWidth} / ${props.imageHeight}` }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => polygon && closePolygon(polygon.points)}
      data-testid="zone-canvas"
    >
      {imageFailed ? (
        <p className="absolute inset-0 flex items-center justify-center bg-stone-100 p-6 text-center text-sm text-muted">{t("imageFailed")}</p>
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- served by the staff-only route, not the image optimiser
        <img
          src={props.imageSrc}
          alt={props.imageAlt}
          draggable={false}
          className="pointer-events-none absolute inset-0 h-full w-full"
          onError={() => setImageFailed(true)}
        />
      )}
      <svg viewBox="0 0 1 1" preserveAspectRatio="none" className="absolute inset-0 h-full w-full" role="group" aria-label={t("zonesLabel")}>
        {ordered.flatMap((article) =>
          (zonesById[article.id] ?? []).map((zone, index) => {
            const active = article.id === activeId;
            const isSelected = active && index === selected;
            const tone = isSelected
              ? "fill-amber-400/30 stroke-amber-600 [stroke-width:3]"
              : active
                ? "fill-brand/15 stroke-brand [stroke-width:2]"
                : "fill-sky-500/10 stroke-slate-500 [stroke-dasharray:4_3] [stroke-width:1.5]";
            return (
              <polygon
                key={`${article.id}-${index}`}
                points={pointsAttr(zone)}
                data-zone={`${article.id}:${index}`}
                data-focus-key={zoneFocusKey(article.id, index)}
                tabIndex={0}
                role="button"
                aria-label={zoneLabel(article.title, index)}
                aria-pressed={isSelected}
                vectorEffect="non-scaling-stroke"
                className={`${tone} ${tool === "select" ? "cursor-move" : ""} outline-none focus-visible:stroke-sky-700 focus-visible:[stroke-width:4]`}
                onFocus={() => onSelect(article.id, index)}
                onKeyDown={(event) => onZoneKeyDown(event, article.id, index)}
              />
            );
          }),
        )}
        {rectDraft && (
          <polygon
            points={pointsAttr({ points: rectToPolygon(rectFromCorners(rectDraft.start, rectDraft.end)) })}
            vectorEffect="non-scaling-stroke"
            className="pointer-events-none fill-amber-400/20 stroke-amber-700 [stroke-dasharray:6_4] [stroke-width:2]"
          />
        )}
        {polygon && (
          <polyline
            points={draftPolyline.map(([x, y]) => `${x},${y}`).join(" ")}
            vectorEffect="non-scaling-stroke"
            className="pointer-events-none fill-amber-400/20 stroke-amber-700 [stroke-dasharray:6_4] [stroke-width:2]"
          />
        )}
      </svg>
      {activeId !== null &&
        activeZones.map((zone, index) => (
          <span
            key={`n-${index}`}
            aria-hidden="true"
            className="pointer-events-none absolute rounded-sm bg-brand px-1 text-[11px] leading-4 text-white"
            style={{ left: `${Math.min(...zone.points.map((p) => p[0])) * 100}%`, top: `${Math.min(...zone.points.map((p) => p[1])) * 100}%` }}
          >
            {index + 1}
          </span>
        ))}
      {polygon?.points.map(([x, y], i) => (
        <span
          key={`p-${i}`}
          aria-hidden="true"
          className={`pointer-events-none absolute h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full border border-white ${i === 0 ? "bg-emerald-600" : "bg-amber-700"}`}
          style={{ left: `${x * 100}%`, top: `${y * 100}%` }}
        />
      ))}
      {tool === "select" &&
        selectedZone &&
        activeId !== null &&
        selected !== null &&
        selectedZone.points.map(([x, y], vertex) => {
          const corner = selectedRect ? cornerAt(selectedRect, [x, y]) : null;
          const label = `${zoneLabel(titleOf(activeId), selected)} ${corner ? t(`corners.${corner}`) : t("vertex", { n: String(vertex + 1) })}`;
          return (
            <button
              key={`h-${vertex}`}
              type="button"
              aria-label={label}
              title={label}
              data-handle={`${activeId}:${selected}:${vertex}`}
              data-corner={corner ?? undefined}
              data-focus-key={handleFocusKey(activeId, selected, vertex)}
              className={`absolute h-4 w-4 -translate-x-1/2 -translate-y-1/2 border-2 border-white bg-amber-600 shadow pointer-coarse:h-7 pointer-coarse:w-7 ${
                corner ? `rounded-sm ${corner === "nw" || corner === "se" ? "cursor-nwse-resize" : "cursor-nesw-resize"}` : "cursor-move rounded-full"
              }`}
              style={{ left: `${x * 100}%`, top: `${y * 100}%` }}
              onKeyDown={(event) => onHandleKeyDown(event, activeId, selected, vertex, corner)}
            />
          );
        })}
    </div>
  );
}

/** Which corner of the rectangle this vertex is. */
function cornerAt(rect: { x: number; y: number; w: number; h: number }, [x, y]: Point): Corner {
  const west = Math.abs(x - rect.x) < Math.abs(x - (rect.x + rect.w));
  const north = Math.abs(y - rect.y) < Math.abs(y - (rect.y + rect.h));
  return north ? (west ? "nw" : "ne") : west ? "sw" : "se";
}
