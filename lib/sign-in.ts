import "server-only";
// The very class next-auth re-exports (it pins this @auth/core), imported directly so plain Node tests can load it.
import { CredentialsSignin } from "@auth/core/errors";
import { z } from "zod";
import { emailField, loginCodeField } from "@/lib/account-schemas";
import { verifyPasswordSignIn } from "@/lib/passwords";
import { clientIp, guardSignIn, type Throttle } from "@/lib/throttle";
import { consumeLinkToken, consumeLoginCode } from "@/lib/tokens";
import { findUserByEmail, findUserById, markEmailVerified, toSignedInUser, type SignedInUser } from "@/lib/users";

/**
 * The `authorize` functions of the Auth.js Credentials providers in lib/auth.ts.
 * Each returns the user to sign in, or null (Auth.js then reports
 * CredentialsSignin), or throws a CredentialsSignin with a specific code.
 */

/** The mailed code is no longer valid: used, expired, replaced or locked after five wrong tries. */
export class EmailCodeExpired extends CredentialsSignin {
  override code = "code_expired";
}

type Options = { throttle?: Throttle };

const emailOf = (credentials: Partial<Record<string, unknown>>): string =>
  typeof credentials.email === "string" ? credentials.email : "";

export async function authorizePassword(
  credentials: Partial<Record<string, unknown>>,
  request: Request,
  { throttle }: Options = {},
): Promise<SignedInUser | null> {
  return guardSignIn(
    { email: emailOf(credentials), ip: clientIp(request.headers) },
    async () => {
      const user = await verifyPasswordSignIn(credentials, request);
      return user;
    },
    throttle,
  );
}

const codeCredentials = z.object({ email: emailField, code: loginCodeField });

/** Email + mailed 6-digit code. Counts against the same sign-in throttle as passwords. */
export async function authorizeEmailCode(
  credentials: Partial<Record<string, unknown>>,
  request: Request,
  { throttle }: Options = {},
): Promise<SignedInUser | null> {
  return guardSignIn(
    { email: emailOf(credentials), ip: clientIp(request.headers) },
    async () => {
      const parsed = codeCredentials.safeParse({ email: emailOf(credentials), code: String(credentials.code ?? "") });
      if (!parsed.success) return null;
      const user = await findUserByEmail(parsed.data.email);
      if (!user) return null;
      const check = await consumeLoginCode(user.id, parsed.data.code);
      if (check === "no_active_code") throw new EmailCodeExpired();
      if (check !== "ok") return null;
      await markEmailVerified(user.id);
      return toSignedInUser(user);
    },
    throttle,
  );
}

/**
 * The mailed link's token. Not throttled: 256 random bits cannot be guessed,
 * and it stays a way in for a reader whose account someone else has locked.
 */
export async function authorizeEmailLink(credentials: Partial<Record<string, unknown>>): Promise<SignedInUser | null> {
  const token = typeof credentials.token === "string" ? credentials.token : "";
  const userId = await consumeLinkToken("login", token);
  if (!userId) throw new EmailCodeExpired();
  await markEmailVerified(userId);
  const user = await findUserById(userId);
  return user ? toSignedInUser(user) : null;
}
