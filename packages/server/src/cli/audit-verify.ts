import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../main.ts';
import { verifyAuditChain } from '../audit/verify.ts';

const database = await openConfiguredDatabase(loadConfig());
const report = await verifyAuditChain(database.db);
await database.close();
if (report.ok) {
  console.log(`Audit chain intact: ${report.entries} entries.`);
} else {
  console.error(`Audit chain BROKEN at entry ${report.firstBroken?.seq} (${report.firstBroken?.reason}); ${report.entries} entries before it verify.`);
  process.exit(1);
}
process.exit(0);
