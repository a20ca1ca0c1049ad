import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { signInErrorMessage } from "@/lib/auth-messages";
import { authorizeEmailCode, authorizeEmailLink, EmailCodeExpired } from "@/lib/sign-in";
import { ThrottledSignIn } from "@/lib/throttle";
import { issueToken } from "@/lib/tokens";

let database: Awaited<ReturnType<typeof freshDatabase>>;
let userId: string;
let ipCounter = 0;
const request = () =>
  new Request("http://localhost/api/auth/callback/email-code", { method: "POST", headers: { "x-forwarded-for": `192.0.2.${++ipCounter}` } });

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error;
  }
}

beforeAll(async () => {
  database = await freshDatabase();
  const [user] = await database.db.insert(users).values({ email: "mail-reader@example.test", name: "读者" }).returning();
  userId = user!.id;
});

afterAll(async () => {
  await database.drop();
});

const verifiedAt = async () => (await database.db.select().from(users).where(eq(users.id, userId)))[0]!.emailVerified;

describe("email-code sign-in", () => {
  it("signs in with the mailed code and marks the address verified", async () => {
    expect(await verifiedAt()).toBeNull();
    const { code } = await issueToken(userId, "login");
    const user = await authorizeEmailCode({ email: " Mail-Reader@example.test", code }, request());
    expect(user).toEqual({ id: userId, email: "mail-reader@example.test", name: "读者", role: "member", sessionVersion: 0 });
    expect(await verifiedAt()).toBeInstanceOf(Date);
  });

  it("refuses a wrong code, and a used code as expired", async () => {
    const { code } = await issueToken(userId, "login");
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await authorizeEmailCode({ email: "mail-reader@example.test", code: wrong }, request())).toBeNull();
    expect(await authorizeEmailCode({ email: "mail-reader@example.test", code }, request())).not.toBeNull();
    const error = await refusal(authorizeEmailCode({ email: "mail-reader@example.test", code }, request()));
    expect(error).toBeInstanceOf(EmailCodeExpired);
    expect(signInErrorMessage(error, "code")).toBe("登录码已失效,请重新获取登录邮件");
  });

  it("answers an unknown address like a wrong code", async () => {
    expect(await authorizeEmailCode({ email: "stranger@example.test", code: "123456" }, request())).toBeNull();
  });

  it("is throttled per account like passwords", async () => {
    for (let i = 0; i < 5; i++) expect(await authorizeEmailCode({ email: "guessed@example.test", code: "000000" }, request())).toBeNull();
    expect(await refusal(authorizeEmailCode({ email: "guessed@example.test", code: "000000" }, request()))).toBeInstanceOf(ThrottledSignIn);
  });
});

describe("email-link sign-in", () => {
  it("signs in once with the mailed link", async () => {
    const { token } = await issueToken(userId, "login");
    expect(await authorizeEmailLink({ token })).toMatchObject({ id: userId });
    expect(await refusal(authorizeEmailLink({ token }))).toBeInstanceOf(EmailCodeExpired);
    expect(await refusal(authorizeEmailLink({ token: 42 }))).toBeInstanceOf(EmailCodeExpired);
  });
});
