import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { loadCheckpointKey } from './audit/checkpoints.ts';

/** Opens the database the configuration names; migrations run on the way, as the owner. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, ownerUrl: config.databaseOwnerUrl, dataDir: config.dataDir });
  try {
    assertLeastPrivilege(config, database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * In production Samsyn refuses to run with the owner's rights on PostgreSQL: a login that owns
 * the schema or the log, is or may become a superuser, or may SET ROLE to the owner can rewrite
 * the log and recompute the chain. PGlite is one superuser session, for trying Samsyn: it is not
 * refused, and gives none of this protection (docs/operations.md).
 */
export function assertLeastPrivilege(config: Config, database: Database): void {
  const { login, ownerRights } = database.privileges;
  if (!config.production || database.kind !== 'postgresql' || ownerRights.length === 0) return;
  throw new Error(
    `samsyn: refusing to start in production: the database login "${login}" has the owner's rights (${ownerRights.join(', ')}). ` +
      'Set DATABASE_URL to a login that owns nothing and DATABASE_OWNER_URL to the owner (docs/operations.md).',
  );
}

/**
 * Demo data is seeded on an empty embedded database, or on any empty database outside
 * production. A production start (NODE_ENV=production with DATABASE_URL) never seeds.
 */
export function shouldSeedDemo(config: Config): boolean {
  return !(config.production && config.databaseUrl);
}

/**
 * The benchmark's ungated ceiling route exists only when the bench starts the server with the
 * explicit `--bench-routes` flag: no environment variable or `npm start` can turn it on, and
 * production never has it.
 */
export function benchRoutesWanted(argv: readonly string[], config: Pick<Config, 'production'>): boolean {
  return argv.includes('--bench-routes') && !config.production;
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  const config = { ...loaded, benchRoutes: benchRoutesWanted(process.argv.slice(2), loaded) };
  // Fail fast: production refuses to start without the checkpoint key (buildApp loads it again).
  await loadCheckpointKey(config.auditCheckpoint, config.production);
  const database = await openConfiguredDatabase(config);
  // One clock for the seed and the services: the demo is dated relative to the day it is seeded.
  const clock = systemClock(config.clockOffsetDays);
  const summary = shouldSeedDemo(config) ? await seedDemoIfEmpty(database, config.demoPassword, clock.now()) : null;
  const app = await buildApp(config, database, { clock });
  if (summary) app.log.info(summary, `seeded the demo county, dated from ${summary.seededOn}: the demo child Ebba (login \`child\`, 14) has the identity number ${summary.demoChild}`);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: database.kind, appRole: database.appRole, login: database.privileges.login }, `Samsyn listens on http://localhost:${config.port}`);
  if (database.kind === 'postgresql' && database.privileges.ownerRights.length > 0) {
    app.log.warn({ ownerRights: database.privileges.ownerRights }, 'the database login has the owner\'s rights: the audit log is not safe from it (refused in production)');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
