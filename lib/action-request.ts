/**
 * A first look at a server-action request, for the edge middleware (no
 * database, no Node APIs). React's client sends an action's arguments as a
 * list: JSON text, or a multipart form whose part "0" holds the list. Next
 * answers a body that does not decode that way with a 500 before any action
 * code runs, so such requests are refused here as what they are: bad requests.
 * The action itself still validates every argument it receives.
 */
export async function malformedActionRequest(request: Request): Promise<string | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("multipart/form-data")) {
      const zero = (await request.clone().formData()).get("0");
      if (typeof zero !== "string") return "no argument list";
      return isArgumentList(JSON.parse(zero)) ? null : "not an argument list";
    }
    if (type === "" || type.startsWith("text/plain")) {
      return isArgumentList(JSON.parse(await request.clone().text())) ? null : "not an argument list";
    }
    return "unexpected content type";
  } catch {
    return "undecodable body";
  }
}

/** React's reply format marks references with "$" (a form part, a promise…); only "$K" (a form) and "$undefined" are ours to send. */
function isArgumentList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const strings: string[] = [];
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > 32) return false;
    if (typeof v === "string") strings.push(v);
    else if (Array.isArray(v)) return v.every((x) => walk(x, depth + 1));
    else if (v && typeof v === "object") return Object.values(v).every((x) => walk(x, depth + 1));
    return true;
  };
  if (!walk(value, 0)) return false;
  return strings.every((s) => !s.startsWith("$") || /^\$K\d+$/.test(s) || s === "$undefined" || s.startsWith("$$"));
}
