import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../main.ts';
import { migrationFiles } from '../db/migrate.ts';

// Opening the database applies pending migrations and the grants.
const config = loadConfig();
const database = await openConfiguredDatabase(config);
console.log(`Database (${database.kind}) is migrated: ${(await migrationFiles()).length} migration files.`);
await database.close();
process.exit(0);
