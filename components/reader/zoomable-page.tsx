"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import {
  FITTED,
  MAX_SCALE,
  MIN_SCALE,
  PAN_STEP,
  ZOOM_STEP,
  panBy,
  pinch,
  reveal,
  zoomKeyAction,
  zoomTo,
  type Point,
  type Zoom,
} from "@/lib/page-zoom";

/** Movement (CSS px) after which a press is a drag, and the click that ends it must not follow a hot zone. */
const DRAG_THRESHOLD = 5;

function pointIn(element: Element, event: { clientX: number; clientY: number }): Point {
  const rect = element.getBoundingClientRect();
  return { x: event.clientX - rect.left, y: event.clientY - rect.top };
}

/** Translated by the server parent; a gloss is the English beside the Chinese, null in English. */
export type ZoomLabels = {
  label: string;
  zoomIn: string;
  zoomInGloss: string | null;
  zoomOut: string;
  zoomOutGloss: string | null;
  reset: string;
  resetGloss: string | null;
  help: string;
  helpGloss: string | null;
};

const srGloss = (gloss: string | null) =>
  gloss && (
    <>
      {" "}
      <span className="sr-only">{gloss}</span>
    </>
  );

const button =
  "rounded border border-rule bg-white px-2.5 py-1 text-sm hover:border-brand aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-disabled:hover:border-rule";

/**
 * The 版面 frame, zoomable with two fingers, the buttons, or + − 0 and the
 * arrow keys (while focus is anywhere in the view). The page image and its
 * hot-zone SVG are transformed together, so the zones stay over their articles
 * and stay clickable at any zoom. The frame clips (overflow: clip, not hidden)
 * so focusing a zone can never scroll the frame behind the transform's back;
 * a focused zone is panned into view instead.
 */
export function ZoomablePage({ aspectRatio, label, labels, children }: { aspectRatio: string; label: string; labels: ZoomLabels; children: ReactNode }) {
  const [zoom, setZoom] = useState<Zoom>(FITTED);
  const [animate, setAnimate] = useState(true);
  const frame = useRef<HTMLElement>(null);
  // Gestures and keys read the latest zoom between renders.
  const current = useRef(zoom);
  const frameId = useId();
  const helpId = useId();
  const zoomed = zoom.scale > MIN_SCALE;

  const size = () => {
    const rect = frame.current?.getBoundingClientRect();
    return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
  };
  const set = (next: Zoom, smooth: boolean) => {
    current.current = next;
    setAnimate(smooth);
    setZoom(next);
  };
  const zoomBy = (factor: number) => set(zoomTo(current.current, current.current.scale * factor, size()), true);

  // Touch and mouse: pinch with two pointers, drag with one while zoomed in.
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<{ zoom: Zoom; points: Point[]; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  const local = (event: { clientX: number; clientY: number }) => pointIn(frame.current!, event);
  const restartGesture = (moved = false) => {
    const points = [...pointers.current.values()];
    gesture.current = points.length ? { zoom: current.current, points, moved } : null;
  };

  // Ctrl + wheel is how desktop trackpads pinch; React's wheel listener is passive, so it cannot stop the page zooming.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      const next = zoomTo(current.current, current.current.scale * Math.exp(-event.deltaY / 200), element.getBoundingClientRect(), pointIn(element, event));
      current.current = next;
      setAnimate(false);
      setZoom(next);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, []);

  return (
    <div
      className="space-y-2"
      onKeyDown={(event) => {
        const action = zoomKeyAction(event, current.current.scale > MIN_SCALE);
        if (!action) return;
        event.preventDefault();
        const frameSize = size();
        if (action.kind === "zoom") zoomBy(action.factor);
        else if (action.kind === "reset") set(FITTED, true);
        else set(panBy(current.current, action.dx * PAN_STEP * frameSize.width, action.dy * PAN_STEP * frameSize.height, frameSize), true);
      }}
    >
      <div role="group" aria-label={labels.label} className="flex flex-wrap items-center gap-1.5 print:hidden">
        <button type="button" className={button} aria-controls={frameId} aria-disabled={zoom.scale >= MAX_SCALE} onClick={() => zoom.scale < MAX_SCALE && zoomBy(ZOOM_STEP)}>
          {labels.zoomIn}
          {srGloss(labels.zoomInGloss)}
        </button>
        <button type="button" className={button} aria-controls={frameId} aria-disabled={!zoomed} onClick={() => zoomed && zoomBy(1 / ZOOM_STEP)}>
          {labels.zoomOut}
          {srGloss(labels.zoomOutGloss)}
        </button>
        <button type="button" className={button} aria-controls={frameId} aria-disabled={!zoomed} onClick={() => zoomed && set(FITTED, true)}>
          {labels.reset}
          {srGloss(labels.resetGloss)}
        </button>
        <output aria-live="polite" className="ml-1 text-xs text-muted" data-testid="page-zoom-level">
          {Math.round(zoom.scale * 100)}%
        </output>
      </div>
      <figure
        id={frameId}
        ref={frame}
        tabIndex={0}
        aria-label={label}
        aria-describedby={helpId}
        data-zoom={zoom.scale.toFixed(2)}
        className={`relative w-full overflow-clip border border-rule bg-white shadow-sm ${zoomed ? "cursor-grab touch-none" : "touch-pan-x touch-pan-y"}`}
        style={{ aspectRatio }}
        onFocus={(event) => {
          if (event.target === event.currentTarget || current.current.scale <= MIN_SCALE) return;
          const box = event.target.getBoundingClientRect();
          const rect = event.currentTarget.getBoundingClientRect();
          set(reveal(current.current, { left: box.left - rect.left, top: box.top - rect.top, width: box.width, height: box.height }, rect), true);
        }}
        onPointerDown={(event) => {
          if (event.pointerType === "mouse" && event.button !== 0) return;
          pointers.current.set(event.pointerId, local(event));
          suppressClick.current = false;
          restartGesture();
        }}
        onPointerMove={(event) => {
          if (!pointers.current.has(event.pointerId) || !gesture.current) return;
          pointers.current.set(event.pointerId, local(event));
          const now = [...pointers.current.values()];
          const start = gesture.current;
          const frameSize = size();
          if (now.length >= 2 && start.points.length >= 2) {
            start.moved = true;
            set(pinch(start.zoom, [start.points[0]!, start.points[1]!], [now[0]!, now[1]!], frameSize), false);
          } else if (now.length === 1 && start.zoom.scale > MIN_SCALE) {
            const dx = now[0]!.x - start.points[0]!.x;
            const dy = now[0]!.y - start.points[0]!.y;
            if (!start.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
            if (!start.moved) event.currentTarget.setPointerCapture(event.pointerId); // only now: capturing earlier would steal the click from a hot zone
            start.moved = true;
            set(panBy(start.zoom, dx, dy, frameSize), false);
          }
        }}
        onPointerUp={(event) => {
          if (gesture.current?.moved) suppressClick.current = true;
          pointers.current.delete(event.pointerId);
          restartGesture(suppressClick.current);
        }}
        onPointerCancel={(event) => {
          pointers.current.delete(event.pointerId);
          restartGesture();
        }}
        onClickCapture={(event) => {
          if (!suppressClick.current) return;
          suppressClick.current = false;
          event.preventDefault();
          event.stopPropagation();
        }}
      >
        <div
          className={`absolute inset-0 origin-top-left ${animate ? "transition-transform duration-150 motion-reduce:transition-none" : ""}`}
          style={{ transform: `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})` }}
        >
          {children}
        </div>
      </figure>
      <p id={helpId} className="text-xs text-muted print:hidden">
        {labels.help}
        {labels.helpGloss && <span className="sr-only"> {labels.helpGloss}</span>}
      </p>
    </div>
  );
}
