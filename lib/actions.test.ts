import { notFound, redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { emailField, newPasswordField } from "@/lib/account-schemas";
import { FORBIDDEN, localizeState, validatedAction } from "@/lib/actions";
import { captureLogs } from "@/lib/log";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

const schema = z.object({ email: emailField, password: newPasswordField, name: z.string().max(5, "太长").optional() });

afterEach(() => vi.restoreAllMocks());

describe("validatedAction", () => {
  it("passes parsed data to the handler", async () => {
    const handler = vi.fn(async (data: z.output<typeof schema>) => ({ ok: true, message: data.email }));
    const action = validatedAction(schema, handler);
    const state = await action({}, form({ email: "  Reader@Example.TEST ", password: "long enough password" }));
    expect(state).toEqual({ ok: true, message: "reader@example.test" });
  });

  it("returns field errors, echoing fields but never the password", async () => {
    const action = validatedAction(schema, async () => ({ ok: true }));
    const state = await action({}, form({ email: "not an email", password: "short", name: "x".repeat(10_000), $ACTION_ID_abc: "" }));
    expect(state.fieldErrors?.email).toEqual(["请输入有效的邮箱地址"]);
    expect(state.fieldErrors?.password).toEqual(["密码至少需要 10 个字符"]);
    expect(state.fieldErrors?.name).toEqual(["太长"]);
    expect(state.values).toEqual({ email: "not an email", name: "x".repeat(500) });
  });

  it("reports overlong input as field errors", async () => {
    const action = validatedAction(schema, async () => ({ ok: true }));
    const state = await action({}, form({ email: `${"a".repeat(300)}@example.test`, password: "p".repeat(201) }));
    expect(state.fieldErrors?.email).toEqual(["邮箱地址过长"]);
    expect(state.fieldErrors?.password).toEqual(["密码不能超过 200 个字符"]);
  });

  it("turns an unexpected exception into a generic error instead of a 500", async () => {
    const logs = captureLogs();
    const action = validatedAction(schema, async () => {
      throw new Error("database went away");
    });
    const state = await action({}, form({ email: "a@example.test", password: "long enough password" }));
    logs.restore();
    expect(state).toEqual({ error: "系统繁忙,请稍后再试", values: { email: "a@example.test" } });
    // The stack goes to the log, never to the browser.
    expect(logs.lines()).toEqual([expect.objectContaining({ level: "error", err: expect.objectContaining({ message: "database went away", stack: expect.stringContaining("actions.test.ts") }) })]);
    expect(JSON.stringify(state)).not.toContain("database went away");
  });

  it("lets Next's redirect() and notFound() through", async () => {
    const redirecting = validatedAction(schema, async () => redirect("/account"));
    await expect(redirecting({}, form({ email: "a@example.test", password: "long enough password" }))).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
    const missing = validatedAction(schema, async () => notFound());
    await expect(missing({}, form({ email: "a@example.test", password: "long enough password" }))).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });

  it("echoes values with a handler's error, not with success", async () => {
    const failing = validatedAction(schema, async () => ({ error: "不行" }));
    expect(await failing({}, form({ email: "a@example.test", password: "long enough password" }))).toEqual({
      error: "不行",
      values: { email: "a@example.test" },
    });
  });
});

describe("localizeState", () => {
  it("puts the default-language messages into the reader's language and leaves others", () => {
    const state = { error: FORBIDDEN, fieldErrors: { email: ["请输入有效的邮箱地址"], name: ["太长"] }, values: { email: "x" } };
    expect(localizeState(state, "zh-CN")).toBe(state);
    expect(localizeState(state, "en")).toEqual({
      error: "You do not have permission to do this",
      fieldErrors: { email: ["Please enter a valid email address"], name: ["太长"] },
      values: { email: "x" },
    });
  });
});
