import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { authConfig } from "@/lib/auth.config";
import { env } from "@/lib/env";
import { verifyPasswordSignIn } from "@/lib/passwords";

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
        authorize: (credentials, request) => verifyPasswordSignIn(credentials, request),
      }),
    ],
  };
});
