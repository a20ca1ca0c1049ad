/**
 * A few lines of DOM building for the islands, so their markup reads like the
 * JSX it replaces. Text always goes in as text nodes: nothing here parses HTML
 * except `html`, which is only given the body API's sanitised blocks.
 */
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name === "className" ? "class" : name, value === true ? "" : String(value));
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
  return element;
}

/** An element holding server-sanitised HTML (lib/article-body.ts): the one place an island sets HTML. */
export function html(className: string, sanitised: string): HTMLDivElement {
  const element = h("div", { className });
  element.innerHTML = sanitised;
  return element;
}

/** Runs `cleanup` functions in reverse order of registration, once. */
export function disposer(): { add: (cleanup: () => void) => void; dispose: () => void } {
  const cleanups: (() => void)[] = [];
  return {
    add: (cleanup) => void cleanups.push(cleanup),
    dispose: () => {
      while (cleanups.length) cleanups.pop()!();
    },
  };
}
