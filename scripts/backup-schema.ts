// Regenerates the files made from the backup schemas (src/domain/backup/schema.ts: format 2, and
// format 1 still read): the documented copies docs/backup.schema.json and
// docs/backup-v1.schema.json, and the validators Ajv compiles ahead of time,
// src/domain/backup/validator.generated.js. Run `npm run backup-schema` after changing a schema;
// test/domain/backup/schema-files.test.ts fails while any of the three files is out of step.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { BACKUP_SCHEMA, BACKUP_SCHEMA_V1 } from '../src/domain/backup/schema';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
export const SCHEMA_FILE = root('docs/backup.schema.json');
export const SCHEMA_V1_FILE = root('docs/backup-v1.schema.json');
export const VALIDATOR_FILE = root('src/domain/backup/validator.generated.js');

const HEADER = `// GENERATED from ./schema.ts by scripts/backup-schema.ts (npm run backup-schema): do not edit.
// The backup JSON Schema compiled ahead of time by Ajv's standalone code generator, because the
// app's Content-Security-Policy (script-src 'self') forbids the eval Ajv needs to compile at run time.
// Loaded lazily by src/db/backup/import.ts, so it is not part of the first-visit bundle.
/* eslint-disable */
`;

/** The validator module (validate: format 2, validateV1: format 1) as Ajv compiles it today. */
export function compileValidatorSource(): string {
  const ajv = new Ajv({ code: { source: true, esm: true }, allowUnionTypes: true, strict: true });
  ajv.addSchema(BACKUP_SCHEMA);
  ajv.addSchema(BACKUP_SCHEMA_V1);
  return `${HEADER}${standaloneCode(ajv, { validate: BACKUP_SCHEMA.$id, validateV1: BACKUP_SCHEMA_V1.$id })}\n`;
}

/** docs/backup.schema.json as it should read. */
export function schemaText(): string {
  return `${JSON.stringify(BACKUP_SCHEMA, null, 2)}\n`;
}

/** docs/backup-v1.schema.json as it should read. */
export function schemaV1Text(): string {
  return `${JSON.stringify(BACKUP_SCHEMA_V1, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, schemaText());
  writeFileSync(SCHEMA_V1_FILE, schemaV1Text());
  writeFileSync(VALIDATOR_FILE, compileValidatorSource());
  console.log(`wrote ${SCHEMA_FILE}\nwrote ${SCHEMA_V1_FILE}\nwrote ${VALIDATOR_FILE}`);
}
