import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../main.ts';
import { loadCheckpointKey } from '../audit/checkpoints.ts';
import { systemClock } from '../clock.ts';
import { dryRun, eraseExpired } from '../retention/service.ts';

// Retention (gallring) by hand: `npm run retention` lists what would go (a dry run);
// `npm run retention -- --erase` erases it, with tombstones, as the scheduled job does.
const config = loadConfig();
const erase = process.argv.includes('--erase');
const key = await loadCheckpointKey(config.auditCheckpoint, config.production);
const database = await openConfiguredDatabase(config);
const deps = { db: database.db, owner: database.ownerScript, clock: systemClock(config.clockOffsetDays), checkpointFile: config.auditCheckpoint.file, checkpointKey: key };
const actor = { actorId: null, actorUsername: 'cli', requestId: null, clientIp: null };
try {
  const plan = erase ? await eraseExpired(deps, actor, null) : await dryRun(deps, actor);
  console.log(erase ? `Erased at ${plan.at}:` : `Dry run at ${plan.at} (nothing erased; --erase erases):`);
  for (const item of plan.items) {
    const range = item.oldest ? ` (${item.oldest.slice(0, 10)} – ${item.newest?.slice(0, 10)})` : '';
    const audit = item.category === 'audit_log' ? (item.skipped ? `, not erased: ${item.skipped}` : `, entries 1–${item.throughSeq}`) : '';
    console.log(`  ${item.ruleId}: ${item.count}${range}, ${item.years} years before ${item.cutoff.slice(0, 10)} — ${item.legalReference}${audit}`);
  }
  console.log(`Total: ${plan.total}.`);
} finally {
  await database.close();
}
