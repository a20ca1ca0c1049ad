import { AuthError, type CredentialsSignin } from "@auth/core/errors";

/**
 * What readers are told when signing in does not work. One wording for a wrong
 * password whether or not the account exists, so the message reveals nothing.
 */
export const WRONG_PASSWORD = "邮箱或密码不正确";
export const WRONG_CODE = "登录码不正确,请检查后重试";
export const CODE_EXPIRED = "登录码已失效,请重新获取登录邮件";
export const LINK_EXPIRED = "登录链接已失效或已被使用,请重新获取登录邮件";
export const GENERIC_FAILURE = "系统繁忙,请稍后再试";

export const signInThrottledMessage = (minutes: number) => `登录尝试过多,请 ${minutes} 分钟后再试`;
export const tooManyRequestsMessage = (minutes: number) => `操作过于频繁,请 ${minutes} 分钟后再试`;

/** The minutes of a "throttled:N" code, or null for any other code. */
export function throttledMinutes(code: unknown): number | null {
  const m = typeof code === "string" ? /^throttled:(\d{1,4})$/.exec(code) : null;
  return m ? Number(m[1]) : null;
}

export type SignInMethod = "password" | "code" | "link";

/** The message for a CredentialsSignin code (from a thrown error, or from /login?code= after a direct API post). */
export function credentialsMessage(code: unknown, method: SignInMethod): string {
  const minutes = throttledMinutes(code);
  if (minutes !== null) return signInThrottledMessage(minutes);
  if (code === "code_expired") return method === "link" ? LINK_EXPIRED : CODE_EXPIRED;
  return method === "password" ? WRONG_PASSWORD : WRONG_CODE;
}

/** The reader-facing message for an error thrown by Auth.js `signIn`, or null if it is not a sign-in refusal. */
export function signInErrorMessage(error: unknown, method: SignInMethod): string | null {
  if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") return null;
  return credentialsMessage((error as CredentialsSignin).code, method);
}

/** For /login?error=…&code=…, where Auth.js sends a browser that posted to its API directly. */
export function loginPageNotice(error: unknown, code: unknown): string | null {
  if (typeof error !== "string" || !error) return null;
  if (error === "CredentialsSignin") return credentialsMessage(code, "password");
  return "登录未成功,请重试";
}
