import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';
import type { Database } from './database.ts';

/**
 * db/schema.ts is written by hand (it keeps the CHECKs' unions as types), so this proves it
 * matches the migrated database: the same tables, the same columns, the same nullability, and a
 * default behind every `Generated<…>`. A migration without its schema.ts change fails here.
 */

interface Column { name: string; nullable: boolean; generated: boolean }

const here = path.dirname(fileURLToPath(import.meta.url));
// schema.ts, and the files whose table interfaces `DB` extends (an area may keep its tables in a file of its own).
// Every schema*.ts beside this test, so an area's new file of tables is read without a change here.
const schemaFiles = readdirSync(here).filter((f) => /^schema(-[a-z-]+)?\.ts$/.test(f)).map((f) => path.join(here, f));

/** Reads the Kysely types: `DB`'s tables (its own and those of the interfaces it extends) and each table's columns. */
async function declaredSchema(): Promise<Map<string, Column[]>> {
  const interfaces = new Map<string, { decl: ts.InterfaceDeclaration; source: ts.SourceFile }>();
  for (const file of schemaFiles) {
    const source = ts.createSourceFile(file, await readFile(file, 'utf8'), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, { decl: node, source });
    });
  }
  const propertiesOf = (members: ts.NodeArray<ts.TypeElement>) => members.filter(ts.isPropertySignature);
  const db = interfaces.get('DB')!;
  const extended = (db.decl.heritageClauses ?? []).flatMap((h) => h.types.map((t) => interfaces.get(t.expression.getText(db.source))!));
  const tables = new Map<string, Column[]>();
  for (const { decl, source } of [db, ...extended]) {
    for (const table of propertiesOf(decl.members)) {
      const type = table.type!;
      // A table's columns: an interface named by the property's type, or a type literal written in place.
      const named = ts.isTypeLiteralNode(type) ? undefined : interfaces.get(type.getText(source));
      const members = ts.isTypeLiteralNode(type) ? type.members : named?.decl.members;
      const at = named?.source ?? source;
      if (!members) throw new Error(`schema.ts: no interface ${type.getText(source)} for table ${table.name.getText(source)}`);
      tables.set(
        table.name.getText(source),
        propertiesOf(members).map((p) => {
          const text = p.type!.getText(at);
          return { name: p.name.getText(at), nullable: text === 'unknown' || /(^|[|<,]\s*)null\s*([|>,]|$)/.test(text), generated: text.startsWith('Generated<') };
        }),
      );
    }
  }
  return tables;
}

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

describe('db/schema.ts', () => {
  it('matches the migrated database: tables, columns, nullability and defaults', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string; column_default: string | null }>`
      SELECT c.table_name, c.column_name, c.is_nullable,
        CASE WHEN c.is_identity = 'YES' THEN 'identity' ELSE c.column_default END AS column_default
      FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`.execute(database.db);
    const actual = new Map<string, { name: string; nullable: boolean; hasDefault: boolean }[]>();
    for (const r of rows) {
      const columns = actual.get(r.table_name) ?? [];
      columns.push({ name: r.column_name, nullable: r.is_nullable === 'YES', hasDefault: r.column_default !== null });
      actual.set(r.table_name, columns);
    }
    const declared = await declaredSchema();
    expect([...declared.keys()].sort()).toEqual([...actual.keys()].sort());
    const differences: string[] = [];
    for (const [table, columns] of actual) {
      const typed = new Map((declared.get(table) ?? []).map((c) => [c.name, c]));
      for (const column of columns) {
        const t = typed.get(column.name);
        if (!t) differences.push(`${table}.${column.name}: missing in schema.ts`);
        else if (t.nullable !== column.nullable) differences.push(`${table}.${column.name}: ${column.nullable ? 'nullable' : 'NOT NULL'} in the database`);
        else if (t.generated && !column.hasDefault) differences.push(`${table}.${column.name}: Generated<> but no default`);
        typed.delete(column.name);
      }
      for (const extra of typed.keys()) differences.push(`${table}.${extra}: in schema.ts, not in the database`);
    }
    expect(differences).toEqual([]);
  });
});
