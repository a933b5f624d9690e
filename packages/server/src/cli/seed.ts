import { rm } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase, shouldSeedDemo } from '../main.ts';
import { openDatabase } from '../db/database.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import { systemClock } from '../clock.ts';

// npm run seed [-- --reset]: demo data for Region Exempellän; --reset first wipes everything.
const config = loadConfig();
const reset = process.argv.includes('--reset');
if (!shouldSeedDemo(config)) {
  console.error('Refusing to seed demo data in production (NODE_ENV=production with DATABASE_URL).');
  process.exit(1);
}
if (reset && !config.databaseUrl) {
  // The embedded database is just a folder: start over with an empty one.
  await rm(config.dataDir, { recursive: true, force: true });
} else if (reset) {
  const raw = await openDatabase({ databaseUrl: config.databaseUrl, ownerUrl: config.databaseOwnerUrl, migrate: false });
  // The audit log refuses DELETE and TRUNCATE even from its owner; a reset drops the schema instead.
  await raw.ownerScript.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await raw.close();
}
const database = await openConfiguredDatabase(config);
const summary = await seedDemoIfEmpty(database, config.demoPassword, systemClock(config.clockOffsetDays).now());
if (!summary) {
  console.log('The database already has data; use `npm run seed -- --reset` to start over.');
} else {
  console.log(`Seeded Region Exempellän: ${summary.organisations} organisations, ${summary.units} units, ${summary.users} users, ${summary.children} children.`);
  console.log(`Dated from ${summary.seededOn}: the demo child Ebba (login \`child\`, 14) has the identity number ${summary.demoChild}.`);
}
await database.close();
// PGlite's file system layer can keep the event loop alive after close; the work is done.
process.exit(0);
