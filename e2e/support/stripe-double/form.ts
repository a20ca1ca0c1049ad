/**
 * Parses the bodies and query strings stripe-node sends: application/x-www-form-urlencoded
 * with bracket notation, e.g. `line_items[0][price]=price_x&metadata[userId]=u1&expand[0]=subscription`,
 * into nested objects and arrays. Objects whose keys are all array indices become arrays
 * (except under `metadata`, whose keys are free-form). `a[]=x&a[]=y` appends.
 */
export type FormValue = string | FormValue[] | FormObject;
export type FormObject = { [key: string]: FormValue };

export class FormError extends Error {
  constructor(
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 12;
const MAX_INDEX = 1000;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** `a[b][0][c]` → ["a", "b", "0", "c"]; `a[]` → ["a", ""]. */
export function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open === -1) return [key];
  const segments = [key.slice(0, open)];
  let rest = key.slice(open);
  while (rest.length > 0) {
    const match = /^\[([^[\]]*)\]/.exec(rest);
    if (!match) throw new FormError(`Invalid parameter name: ${key}`, key);
    segments.push(match[1] ?? "");
    rest = rest.slice(match[0].length);
  }
  if (segments[0] === "") throw new FormError(`Invalid parameter name: ${key}`, key);
  return segments;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    throw new FormError(`Invalid URL encoding: ${part}`);
  }
}

export function parseForm(input: string): FormObject {
  const root: FormObject = {};
  const text = input.startsWith("?") ? input.slice(1) : input;
  if (!text) return root;
  const appendCounters = new WeakMap<FormObject, number>();
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : decode(pair.slice(eq + 1));
    if (!rawKey) continue;
    const segments = splitKey(rawKey);
    if (segments.length > MAX_DEPTH) throw new FormError(`Parameter nested too deeply: ${rawKey}`, rawKey);
    let node: FormObject = root;
    for (let i = 0; i < segments.length; i++) {
      let segment = segments[i] as string;
      if (FORBIDDEN.has(segment)) throw new FormError(`Invalid parameter name: ${rawKey}`, rawKey);
      if (segment === "" && i > 0) {
        // `a[]` appends: pick the next free index in this container.
        const next = appendCounters.get(node) ?? Object.keys(node).length;
        appendCounters.set(node, next + 1);
        segment = String(next);
      }
      if (/^\d+$/.test(segment) && Number(segment) > MAX_INDEX) {
        throw new FormError(`Array index too large: ${rawKey}`, rawKey);
      }
      const last = i === segments.length - 1;
      const existing = node[segment];
      if (last) {
        if (existing !== undefined && typeof existing !== "string") {
          throw new FormError(`Invalid hash: ${rawKey} is both a value and a hash`, rawKey);
        }
        node[segment] = value;
      } else {
        if (existing === undefined) node[segment] = {};
        else if (typeof existing === "string") {
          throw new FormError(`Invalid hash: ${segments.slice(0, i + 1).join("][")} is both a value and a hash`, rawKey);
        }
        node = node[segment] as FormObject;
      }
    }
  }
  return arrayify(root, null) as FormObject;
}

/** Turns objects keyed 0..n into arrays, in index order (gaps closed, as Rack/Stripe do). */
function arrayify(value: FormValue, parentKey: string | null): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = arrayify(value[key] as FormValue, key);
  if (parentKey === "metadata") return value;
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => value[String(k)] as FormValue);
  }
  return value;
}

/** The reverse (nested data → bracket notation), for tests and for callers of the /v1 routes without the SDK. */
export function encodeForm(data: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (value === null || typeof value !== "object") {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value ?? ""))}`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(`${key}[${i}]`, v));
    } else {
      for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    }
  };
  for (const [k, v] of Object.entries(data)) walk(k, v);
  return pairs.join("&");
}
