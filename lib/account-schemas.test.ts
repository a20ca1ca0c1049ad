import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogs } from "@/lib/i18n/messages";
import { emailField, localizeFieldErrors, localizeMessage, newPasswordField, passwordsMatch } from "./account-schemas";
import { credentialsMessage, loginPageNotice, tooManyRequestsMessage } from "./auth-messages";

describe("validation messages in the reader's language", () => {
  it("finds each default-language message in one place only", () => {
    const texts = [...Object.values(catalogs["zh-CN"].account.validation), ...Object.values(catalogs["zh-CN"].account.actions)];
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("keeps the schemas' Chinese and translates it on the way out", () => {
    const result = z.object({ email: emailField, password: newPasswordField }).safeParse({ email: "nope", password: "short" });
    expect(result.success).toBe(false);
    const { fieldErrors } = z.flattenError(result.error!);
    expect(fieldErrors).toEqual({ email: ["请输入有效的邮箱地址"], password: ["密码至少需要 10 个字符"] });
    expect(localizeFieldErrors(fieldErrors, "zh-CN")).toEqual(fieldErrors);
    expect(localizeFieldErrors(fieldErrors, "en")).toEqual({
      email: ["Please enter a valid email address"],
      password: ["Your password needs at least 10 characters"],
    });
    expect(localizeMessage(passwordsMatch[1].message, "en")).toBe("The two passwords do not match");
  });

  it("passes text the catalogs do not know, and the shared refusals too", () => {
    expect(localizeMessage("太长", "en")).toBe("太长");
    expect(localizeMessage("您没有权限执行此操作", "en")).toBe("You do not have permission to do this");
  });
});

describe("sign-in messages", () => {
  it("speak either language", () => {
    expect(credentialsMessage("throttled:1", "password", "en")).toBe("Too many sign-in attempts. Please try again in 1 minute");
    expect(credentialsMessage("throttled:15", "code")).toBe("登录尝试过多,请 15 分钟后再试");
    expect(credentialsMessage("code_expired", "link", "en")).toMatch(/^This sign-in link has expired/);
    expect(tooManyRequestsMessage(3, "en")).toBe("Too many requests. Please try again in 3 minutes");
    expect(loginPageNotice("Configuration", undefined)).toBe("登录未成功,请重试");
    expect(loginPageNotice("CredentialsSignin", undefined, "en")).toBe("Wrong email or password");
  });
});
