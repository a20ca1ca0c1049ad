/**
 * Auth.js session cookie names (plain, __Secure- on https, and chunked .0/.1 variants).
 * Edge-safe: middleware only asks whether one is present, never trusts it.
 */
const names = ["authjs.session-token", "__Secure-authjs.session-token"];

export const hasSessionCookie = (cookieNames: Iterable<string>): boolean => {
  for (const name of cookieNames) if (names.some((n) => name === n || name.startsWith(`${n}.`))) return true;
  return false;
};
