import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { exitCodeFor, formatOutcome, parseArgs, USAGE } from "@/lib/issue-import/cli";
import { importFromPath } from "@/lib/issue-import";
import { isStaff } from "@/lib/roles";

/**
 * `npm run import-issue -- PATH [--dry-run] [--allow-off-day] [--as EMAIL]`:
 * imports an issue package (a folder or .zip with issue.json; see
 * docs/issue-package.md) as a draft issue. Prints one line per problem in
 * Chinese and English. Exit code 0 imported (or checked), 1 the package is
 * invalid, 2 wrong usage (bad options, unknown --as user).
 */
async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) {
    if (parsed.error) console.error(parsed.error);
    console.error(USAGE);
    return parsed.help ? 0 : 2;
  }
  const { args } = parsed;
  let actorId: string | null = null;
  if (args.as) {
    const db = await getDb();
    const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, args.as)).limit(1);
    if (!user || !isStaff(user.role)) {
      console.error(`${args.as} 不是编辑或管理员账号 / ${args.as} is not an editor or admin account`);
      return 2;
    }
    actorId = user.id;
  }
  const outcome = await importFromPath(args.path, { actorId, dryRun: args.dryRun, allowOffDay: args.allowOffDay });
  for (const line of formatOutcome(outcome, env().APP_URL)) console.log(line);
  return exitCodeFor(outcome);
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`导入失败 Import failed: ${error instanceof Error ? error.message : String(error)}`);
    await closeDb().catch(() => {});
    process.exit(1);
  });
