/** The archive's "go to issue number" box: a plain GET form that works without JavaScript. */
export function GET(request: Request) {
  const raw = (new URL(request.url).searchParams.get("no") ?? "").trim();
  const target = /^\d{1,9}$/.test(raw) ? `/issues/no/${Number(raw)}` : "/archive";
  // A relative Location keeps the reader on the host they used, whatever the server thinks its own URL is.
  return new Response(null, { status: 303, headers: { Location: target } });
}
