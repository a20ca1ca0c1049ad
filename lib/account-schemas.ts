import { z } from "zod";

/**
 * Form fields shared by the account pages. Every field has a maximum length,
 * so an oversized post is a field error, never a 500.
 */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "请输入邮箱地址")
  .max(254, "邮箱地址过长")
  .pipe(z.email("请输入有效的邮箱地址"));

/** Any password a user may already have, for signing in. */
export const existingPasswordField = z.string().min(1, "请输入密码").max(200, "密码过长");

/** A password being chosen: long enough to resist guessing, short enough to hash cheaply. */
export const newPasswordField = z.string().min(10, "密码至少需要 10 个字符").max(200, "密码不能超过 200 个字符");

export const loginCodeField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "请输入邮件中的 6 位数字登录码");

/** The ?next= carried through the forms; checked again with safeNext before use. */
export const nextField = z.string().max(2048).optional();

export const linkTokenField = z.string().min(1, "链接无效").max(200, "链接无效");

export const confirmPasswordField = z.string().max(200, "密码不能超过 200 个字符");

/** For `.refine(...passwordsMatch)`: a mismatch is reported on the confirmation field. */
export const passwordsMatch: [
  check: (form: { password: string; confirmPassword: string }) => boolean,
  options: { path: string[]; message: string },
] = [(form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "两次输入的密码不一致" }];
