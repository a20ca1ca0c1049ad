import { closeDb, dbDriver, getDb } from "@/db/client";
import { reindexAll } from "@/lib/search-index";

/**
 * `npm run search:reindex`: rebuilds the search index of every article (after
 * a change to the segmentation, or to repair it). `--missing` indexes only
 * articles that have no index row yet, as the seed does on every start.
 * Batches of 200 articles per transaction, so readers keep searching meanwhile.
 */
async function main() {
  const onlyMissing = process.argv.includes("--missing");
  const db = await getDb();
  console.log(`Indexing ${onlyMissing ? "articles missing from the search index" : "all articles"} (${await dbDriver()})…`);
  const started = Date.now();
  const done = await reindexAll(db, {
    all: !onlyMissing,
    log: (n) => {
      if (n % 5000 === 0) console.log(`  ${n} articles`);
    },
  });
  console.log(`Search index: ${done} article(s) indexed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Reindexing failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
