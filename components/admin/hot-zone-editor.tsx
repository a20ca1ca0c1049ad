"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState, type MouseEvent } from "react";
import { saveHotZonesAction } from "@/app/[locale]/admin/issues/[id]/pages/[n]/zones/actions";
import type { ActionState } from "@/lib/actions";
import { MAX_ZONES, normaliseZone, rectToPolygon, type Zone } from "@/lib/hot-zones";
import { BIG_STEP, STEP, ZoneCanvas, zoneFocusKey, type Tool } from "./zone-canvas";

/**
 * The hot-zone editor (热区编辑): pick an article, draw its zones on the page
 * image with the mouse, a finger or the keyboard, and save them per article.
 * Every change can be undone until it is saved; leaving with unsaved changes
 * asks first.
 */
export type EditorArticle = { id: number; title: string; zones: Zone[] };

type Props = {
  issueId: number;
  pageNumber: number;
  pageLabel: string;
  imageSrc: string;
  imageWidth: number;
  imageHeight: number;
  articles: EditorArticle[];
  backHref: string;
};

const MAX_UNDO = 100;
const fingerprint = (zones: Zone[]) => JSON.stringify(zones.map(normaliseZone));
const LEAVE_QUESTION = "有未保存的热区修改,确定离开吗?";

const TOOLS: { tool: Tool; label: string; english: string }[] = [
  { tool: "select", label: "选择/移动", english: "Select" },
  { tool: "rect", label: "画矩形", english: "Rectangle" },
  { tool: "polygon", label: "画多边形", english: "Polygon" },
];
const TOOL_HINTS: Record<Tool, string> = {
  select: "点击热区选中,拖动移动;拖动角点调整大小,拖动顶点改变形状。",
  rect: "在版面图上按住并拖动,画出矩形。",
  polygon: "依次点击各顶点;双击、按 Enter 或点回第一个点完成;Esc 取消,Backspace 撤回上一点。",
};

export function HotZoneEditor({ issueId, pageNumber, pageLabel, imageSrc, imageWidth, imageHeight, articles, backHref }: Props) {
  const [zonesById, setZonesById] = useState<Record<number, Zone[]>>(() => Object.fromEntries(articles.map((a) => [a.id, a.zones])));
  const [savedById, setSavedById] = useState<Record<number, string>>(() => Object.fromEntries(articles.map((a) => [a.id, fingerprint(a.zones)])));
  const [history, setHistory] = useState<Record<number, Zone[]>[]>([]);
  const [activeId, setActiveId] = useState<number | null>(articles[0]?.id ?? null);
  const [selected, setSelected] = useState<number | null>(null);
  const [tool, setTool] = useState<Tool>("select");
  const [notice, setNotice] = useState("");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveHotZonesAction, {});
  const root = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const submitted = useRef<{ articleId: number; fingerprint: string } | null>(null);

  const active = articles.find((a) => a.id === activeId) ?? null;
  const activeZones = activeId === null ? [] : (zonesById[activeId] ?? []);
  const isDirty = (id: number) => fingerprint(zonesById[id] ?? []) !== savedById[id];
  const anyDirty = articles.some((a) => isDirty(a.id));

  // A saved article's zones become the new baseline for "unsaved".
  useEffect(() => {
    if (state.ok && submitted.current) {
      const { articleId, fingerprint: saved } = submitted.current;
      setSavedById((previous) => ({ ...previous, [articleId]: saved }));
      submitted.current = null;
    }
  }, [state]);

  useEffect(() => {
    if (!anyDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [anyDirty]);

  // After adding, deleting or undoing, keyboard users land on the element that now matters.
  useEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    pendingFocus.current = null;
    root.current?.querySelector<HTMLElement | SVGElement>(`[data-focus-key="${key}"]`)?.focus();
  });

  function record() {
    setHistory((previous) => [...previous.slice(-(MAX_UNDO - 1)), zonesById]);
  }

  function change(articleId: number, zones: Zone[], options: { record?: boolean; focus?: string } = {}) {
    if (options.record) record();
    setZonesById((previous) => ({ ...previous, [articleId]: zones }));
    if (options.focus) pendingFocus.current = options.focus;
  }

  function select(articleId: number, index: number | null) {
    setActiveId(articleId);
    setSelected(index);
  }

  function add(zone: Zone) {
    if (activeId === null) return;
    if (activeZones.length >= MAX_ZONES) {
      setNotice(`每篇文章最多${MAX_ZONES}个热区。`);
      return;
    }
    const index = activeZones.length;
    change(activeId, [...activeZones, zone], { record: true, focus: zoneFocusKey(activeId, index) });
    setSelected(index);
    setNotice(`已添加热区 ${index + 1}(尚未保存)。`);
  }

  /** The keyboard way to draw: a rectangle in the middle of the page, then arrows move it and Alt+arrows size it. */
  function addRectangle() {
    if (activeId === null) return setNotice("请先选择一篇文章。");
    const offset = (activeZones.length % 5) * 0.03;
    add({ points: rectToPolygon({ x: 0.35 + offset, y: 0.4 + offset, w: 0.3, h: 0.2 }) });
    setTool("select");
  }

  function remove(articleId: number, index: number) {
    const zones = zonesById[articleId] ?? [];
    const remaining = zones.filter((_, i) => i !== index);
    const next = remaining.length ? zoneFocusKey(articleId, Math.min(index, remaining.length - 1)) : "add-rectangle";
    change(articleId, remaining, { record: true, focus: next });
    setActiveId(articleId);
    setSelected(remaining.length ? Math.min(index, remaining.length - 1) : null);
    setNotice(`已删除热区 ${index + 1}。按 Ctrl+Z 或「撤销」可恢复。`);
  }

  function undo() {
    const previous = history[history.length - 1];
    if (!previous) return;
    setHistory(history.slice(0, -1));
    setZonesById(previous);
    setSelected(null);
    setNotice("已撤销上一步。");
  }

  function chooseTool(next: Tool) {
    setTool(next);
    if (next !== "select") setSelected(null);
    setNotice(TOOL_HINTS[next]);
  }

  function onSubmit() {
    if (activeId !== null) submitted.current = { articleId: activeId, fingerprint: fingerprint(activeZones) };
  }

  function confirmLeave(event: MouseEvent) {
    if (anyDirty && !window.confirm(LEAVE_QUESTION)) event.preventDefault();
  }

  const saveError = state.fieldErrors?.zones?.[0] ?? state.error;
  const button = "rounded-md border px-3 py-1.5 text-sm transition disabled:cursor-not-allowed disabled:opacity-50";

  return (
    <div
      ref={root}
      className="space-y-4"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z") {
          event.preventDefault();
          undo();
        }
      }}
    >
      <p className="text-sm">
        <Link href={backHref} onClick={confirmLeave} className="text-muted hover:text-brand">
          ← 返回期次
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        编辑热区 · {pageLabel} <span className="font-sans text-sm font-normal text-muted">Hot zones</span>
      </h1>

      <div role="group" aria-label="热区工具 Zone tools" className="flex flex-wrap items-center gap-2">
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            aria-pressed={tool === t.tool}
            onClick={() => chooseTool(t.tool)}
            className={`${button} ${tool === t.tool ? "border-brand bg-brand text-white" : "border-rule bg-white hover:border-brand"}`}
          >
            {t.label} <span aria-hidden="true" className="text-xs opacity-75">{t.english}</span>
          </button>
        ))}
        <span aria-hidden="true" className="mx-1 h-6 border-l border-rule" />
        <button type="button" data-focus-key="add-rectangle" onClick={addRectangle} disabled={activeId === null} className={`${button} border-rule bg-white hover:border-brand`}>
          添加矩形 <span aria-hidden="true" className="text-xs text-muted">Add rectangle</span>
        </button>
        <button
          type="button"
          onClick={() => activeId !== null && selected !== null && remove(activeId, selected)}
          disabled={selected === null}
          className={`${button} border-rule bg-white hover:border-brand`}
        >
          删除热区 <span aria-hidden="true" className="text-xs text-muted">Delete</span>
        </button>
        <button type="button" onClick={undo} disabled={history.length === 0} className={`${button} border-rule bg-white hover:border-brand`}>
          撤销 <span aria-hidden="true" className="text-xs text-muted">Undo</span>
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="zone-notice" className="min-h-6 text-sm text-muted">
        {notice}
      </p>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ZoneCanvas
          imageSrc={imageSrc}
          imageAlt={`${pageLabel} 版面图`}
          imageWidth={imageWidth}
          imageHeight={imageHeight}
          articles={articles}
          zonesById={zonesById}
          activeId={activeId}
          selected={selected}
          tool={tool}
          onSelect={select}
          onRecord={record}
          onChange={change}
          onAdd={add}
          onDelete={remove}
          onToolDone={() => setTool("select")}
          onNotice={setNotice}
        />

        <aside className="space-y-5">
          {articles.length === 0 ? (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">本版还没有文章。请先在期次页面添加文章,再为它画热区。</p>
          ) : (
            <fieldset className="space-y-1">
              <legend className="mb-1 font-bold">
                文章 <span className="text-xs font-normal text-muted">Article</span>
              </legend>
              {articles.map((a) => {
                const count = zonesById[a.id]?.length ?? 0;
                return (
                  <label key={a.id} className={`flex cursor-pointer items-start gap-2 rounded-md border px-2 py-1.5 text-sm ${a.id === activeId ? "border-brand bg-brand/5" : "border-transparent"}`}>
                    <input type="radio" name="zone-article" className="mt-1.5" checked={a.id === activeId} onChange={() => select(a.id, null)} />
                    <span>
                      {a.title}
                      <span className="ml-1 text-xs text-muted">({count} 个热区)</span>
                      {isDirty(a.id) ? <span className="ml-1 text-xs font-bold text-amber-700">未保存</span> : null}
                    </span>
                  </label>
                );
              })}
            </fieldset>
          )}

          {active ? (
            <form action={formAction} onSubmit={onSubmit} className="space-y-2">
              <input type="hidden" name="issueId" value={issueId} />
              <input type="hidden" name="pageNumber" value={pageNumber} />
              <input type="hidden" name="articleId" value={active.id} />
              <input type="hidden" name="zones" value={JSON.stringify(activeZones.map(normaliseZone))} />
              {saveError ? (
                <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
                  {saveError}
                </p>
              ) : (
                <p role="status" className={state.message ? "rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" : "sr-only"}>
                  {state.message ?? ""}
                </p>
              )}
              <button
                type="submit"
                disabled={pending || !isDirty(active.id)}
                className="w-full rounded-md bg-brand px-4 py-2 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-not-allowed disabled:opacity-50"
              >
                {pending ? "正在保存…" : "保存热区"} <span aria-hidden="true" className="text-xs opacity-75">Save</span>
              </button>
              <p className="text-xs text-muted">保存的是「{active.title}」的热区;其他文章的修改需分别保存。</p>
              {anyDirty ? <p className="text-xs font-bold text-amber-700">有未保存的修改。</p> : null}
            </form>
          ) : null}

          <section aria-labelledby="zone-keys-heading" className="rounded-md border border-rule bg-white/60 p-3 text-xs leading-relaxed">
            <h2 id="zone-keys-heading" className="mb-1 text-sm font-bold">
              键盘操作 <span className="font-normal text-muted">Keyboard</span>
            </h2>
            <ul className="list-disc space-y-0.5 pl-4">
              <li>Tab 逐个选中热区,选中后 Tab 继续到它的角点或顶点。</li>
              <li>方向键移动热区(每次 {STEP * 100}%,按住 Shift 每次 {BIG_STEP * 100}%)。</li>
              <li>Alt 或 Ctrl + 方向键调整大小(右下角)。</li>
              <li>在角点/顶点上:方向键移动该点,+ 在其后添加顶点,Delete 删除该顶点。</li>
              <li>Delete 或 Backspace 删除选中的热区;Ctrl+Z 撤销。</li>
              <li>「添加矩形」在版面中央添加一个矩形热区。</li>
              <li>画多边形时:Enter 完成,Esc 取消,Backspace 撤回上一点。</li>
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
