import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type AuthError } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { authConfig } from "@/lib/auth.config";
import { env } from "@/lib/env";
import { authorizeEmailCode, authorizeEmailLink, authorizePassword } from "@/lib/sign-in";
import { logSignInEvent } from "@/lib/sign-in-log";
import { logger } from "@/lib/log";

const log = logger.child({ module: "auth" });

// Configured lazily so that `next build` neither reads secrets nor opens the database.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    ...authConfig,
    secret: env().AUTH_SECRET,
    adapter: DrizzleAdapter(db as never, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    } as never),
    providers: [
      Credentials({
        id: "password",
        credentials: { email: {}, password: {} },
        authorize: (credentials, request) => authorizePassword(credentials, request),
      }),
      Credentials({
        id: "email-code",
        credentials: { email: {}, code: {} },
        authorize: (credentials, request) => authorizeEmailCode(credentials, request),
      }),
      Credentials({
        id: "email-link",
        credentials: { token: {} },
        authorize: (credentials) => authorizeEmailLink(credentials),
      }),
    ],
    // Recent sign-ins for the admin's reader page; never throws into the sign-in.
    events: { signIn: logSignInEvent },
    logger: {
      // A wrong password or a throttled attempt is an expected outcome, not a server error worth a stack trace.
      error(error: Error) {
        if ((error as AuthError).type === "CredentialsSignin") return;
        const cause = (error.cause as { err?: unknown } | undefined)?.err;
        log.error({ err: cause instanceof Error ? cause : error }, `${(error as AuthError).type ?? error.name}: ${error.message}`);
      },
    },
  };
});
