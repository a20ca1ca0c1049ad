"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type MouseEvent } from "react";
import { Gloss } from "@/app/[locale]/admin/issues/gloss";
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
const TOOLS: Tool[] = ["select", "rect", "polygon"];

export function HotZoneEditor({ issueId, pageNumber, pageLabel, imageSrc, imageWidth, imageHeight, articles, backHref }: Props) {
  const t = useTranslations("adminIssues.zoneEditor");
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
      setNotice(t("maxZones", { max: String(MAX_ZONES) }));
      return;
    }
    const index = activeZones.length;
    change(activeId, [...activeZones, zone], { record: true, focus: zoneFocusKey(activeId, index) });
    setSelected(index);
    setNotice(t("added", { n: String(index + 1) }));
  }

  /** The keyboard way to draw: a rectangle in the middle of the page, then arrows move it and Alt+arrows size it. */
  function addRectangle() {
    if (activeId === null) return setNotice(t("chooseArticle"));
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
    setNotice(t("deleted", { n: String(index + 1) }));
  }

  function undo() {
    const previous = history[history.length - 1];
    if (!previous) return;
    setHistory(history.slice(0, -1));
    setZonesById(previous);
    setSelected(null);
    setNotice(t("undone"));
  }

  function chooseTool(next: Tool) {
    setTool(next);
    if (next !== "select") setSelected(null);
    setNotice(t(`tools.${next}.hint`));
  }

  function onSubmit() {
    if (activeId !== null) submitted.current = { articleId: activeId, fingerprint: fingerprint(activeZones) };
  }

  function confirmLeave(event: MouseEvent) {
    if (anyDirty && !window.confirm(t("leaveQuestion"))) event.preventDefault();
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
          {t("back")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("title", { page: pageLabel })} <Gloss text={t("titleGloss")} className="font-sans text-sm font-normal text-muted" />
      </h1>

      <div role="group" aria-label={t("toolsLabel")} className="flex flex-wrap items-center gap-2">
        {TOOLS.map((each) => (
          <button
            key={each}
            type="button"
            aria-pressed={tool === each}
            onClick={() => chooseTool(each)}
            className={`${button} ${tool === each ? "border-brand bg-brand text-white" : "border-rule bg-white hover:border-brand"}`}
          >
            {t(`tools.${each}.label`)} <Gloss text={t(`tools.${each}.gloss`)} className="text-xs opacity-75" hidden />
          </button>
        ))}
        <span aria-hidden="true" className="mx-1 h-6 border-l border-rule" />
        <button type="button" data-focus-key="add-rectangle" onClick={addRectangle} disabled={activeId === null} className={`${button} border-rule bg-white hover:border-brand`}>
          {t("addRectangle")} <Gloss text={t("addRectangleGloss")} className="text-xs text-muted" hidden />
        </button>
        <button
          type="button"
          onClick={() => activeId !== null && selected !== null && remove(activeId, selected)}
          disabled={selected === null}
          className={`${button} border-rule bg-white hover:border-brand`}
        >
          {t("deleteZone")} <Gloss text={t("deleteZoneGloss")} className="text-xs text-muted" hidden />
        </button>
        <button type="button" onClick={undo} disabled={history.length === 0} className={`${button} border-rule bg-white hover:border-brand`}>
          {t("undo")} <Gloss text={t("undoGloss")} className="text-xs text-muted" hidden />
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="zone-notice" className="min-h-6 text-sm text-muted">
        {notice}
      </p>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ZoneCanvas
          imageSrc={imageSrc}
          imageAlt={t("imageAlt", { page: pageLabel })}
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
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t("noArticles")}</p>
          ) : (
            <fieldset className="space-y-1">
              <legend className="mb-1 font-bold">
                {t("article")} <Gloss text={t("articleGloss")} className="text-xs font-normal text-muted" />
              </legend>
              {articles.map((a) => {
                const count = zonesById[a.id]?.length ?? 0;
                return (
                  <label key={a.id} className={`flex cursor-pointer items-start gap-2 rounded-md border px-2 py-1.5 text-sm ${a.id === activeId ? "border-brand bg-brand/5" : "border-transparent"}`}>
                    <input type="radio" name="zone-article" className="mt-1.5" checked={a.id === activeId} onChange={() => select(a.id, null)} />
                    <span>
                      {a.title}
                      <span className="ml-1 text-xs text-muted">{t("zoneCount", { count })}</span>
                      {isDirty(a.id) ? <span className="ml-1 text-xs font-bold text-amber-700">{t("unsaved")}</span> : null}
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
                {pending ? t("saving") : t("save")} <Gloss text={t("saveGloss")} className="text-xs opacity-75" hidden />
              </button>
              <p className="text-xs text-muted">{t("saveNote", { title: active.title })}</p>
              {anyDirty ? <p className="text-xs font-bold text-amber-700">{t("unsavedChanges")}</p> : null}
            </form>
          ) : null}

          <section aria-labelledby="zone-keys-heading" className="rounded-md border border-rule bg-white/60 p-3 text-xs leading-relaxed">
            <h2 id="zone-keys-heading" className="mb-1 text-sm font-bold">
              {t("keyboard")} <Gloss text={t("keyboardGloss")} className="font-normal text-muted" />
            </h2>
            <ul className="list-disc space-y-0.5 pl-4">
              <li>{t("keys.tab")}</li>
              <li>{t("keys.arrows", { step: String(STEP * 100), bigStep: String(BIG_STEP * 100) })}</li>
              <li>{t("keys.resize")}</li>
              <li>{t("keys.handles")}</li>
              <li>{t("keys.delete")}</li>
              <li>{t("keys.addRectangle")}</li>
              <li>{t("keys.polygon")}</li>
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
