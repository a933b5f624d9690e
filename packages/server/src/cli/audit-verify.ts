import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../main.ts';
import { loadCheckpointKey, readCheckpoints } from '../audit/checkpoints.ts';
import { verifyAuditChain } from '../audit/verify.ts';

// Checks the log's hash chain against the signed checkpoints, in batches, printing progress.
// `-- --since-last-checkpoint`: start at the last good checkpoint instead of the first entry.
const config = loadConfig();
const from = process.argv.includes('--since-last-checkpoint') ? 'last_checkpoint' : 'start';
const key = await loadCheckpointKey(config.auditCheckpoint, config.production);
// The checkpoints first, then the head: a checkpoint never runs ahead of the head it saw.
const checkpoints = await readCheckpoints(config.auditCheckpoint.file, key);
const database = await openConfiguredDatabase(config);
const started = Date.now();
const report = await verifyAuditChain(database.db, {
  checkpoints,
  from,
  onProgress: ({ verified, total }) => {
    const share = total > 0 ? Math.floor((100 * verified) / total) : 100;
    process.stderr.write(`Verified ${verified} of ${total} entries (${share} %)\n`);
  },
});
await database.close();
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const { good, matched, forged, lastGood } = report.checkpoints;
console.log(`Checkpoints: ${good} signed (${matched} match the chain), ${forged} forged or damaged; last good: ${lastGood ? `entry ${lastGood.seq} at ${lastGood.at}` : 'none'}.`);
if (good === 0) console.warn(`No signed checkpoints in ${config.auditCheckpoint.file}: a truncated or recomputed log cannot be told from an intact one.`);
if (report.ok) {
  const since = report.sinceCheckpoint === null ? '' : ` after the checkpoint at entry ${report.sinceCheckpoint}`;
  console.log(`Audit chain intact: ${report.entries} entries${since} (${seconds} s).`);
  process.exit(0);
}
const broken = report.firstBroken!;
const since = broken.afterCheckpoint ? ` after the good checkpoint at entry ${broken.afterCheckpoint}` : '';
console.error(`Audit chain BROKEN at entry ${broken.seq} (${broken.reason})${since}; ${report.entries} entries before it verify.`);
process.exit(1);
