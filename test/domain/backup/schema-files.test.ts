// Each backup schema (version 2, and version 1 still read) exists three times: the TypeScript
// object (src/domain/backup/schema.ts), the documented copy (docs/backup.schema.json,
// docs/backup-v1.schema.json) and the validators Ajv compiled from them ahead of time
// (src/domain/backup/validator.generated.js, typed by its .d.ts). This test keeps them in step; run it with
// UPDATE_GENERATED=1 to rewrite the two generated files after changing the schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMA, BACKUP_SCHEMA_V1 } from '../../../src/domain/backup/schema';

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const SCHEMA_FILE = root('docs/backup.schema.json');
const SCHEMA_V1_FILE = root('docs/backup-v1.schema.json');
const VALIDATOR_FILE = root('src/domain/backup/validator.generated.js');

const HEADER = `// GENERATED from ./schema.ts by test/domain/backup/schema-files.test.ts (UPDATE_GENERATED=1): do not edit.
// The backup JSON Schema compiled ahead of time by Ajv's standalone code generator, because the
// app's Content-Security-Policy (script-src 'self') forbids the eval Ajv needs to compile at run time.
// Loaded lazily by src/db/backup.ts, so it is not part of the first-visit bundle.
/* eslint-disable */
`;

function compileValidatorSource(): string {
  const ajv = new Ajv({ code: { source: true, esm: true }, allowUnionTypes: true, strict: true });
  ajv.addSchema(BACKUP_SCHEMA);
  ajv.addSchema(BACKUP_SCHEMA_V1);
  return `${HEADER}${standaloneCode(ajv, { validate: BACKUP_SCHEMA.$id, validateV1: BACKUP_SCHEMA_V1.$id })}\n`;
}

const schemaText = `${JSON.stringify(BACKUP_SCHEMA, null, 2)}\n`;
const schemaV1Text = `${JSON.stringify(BACKUP_SCHEMA_V1, null, 2)}\n`;

if (process.env.UPDATE_GENERATED === '1') {
  writeFileSync(SCHEMA_FILE, schemaText);
  writeFileSync(SCHEMA_V1_FILE, schemaV1Text);
  writeFileSync(VALIDATOR_FILE, compileValidatorSource());
}

describe('backup schema files', () => {
  it('docs/backup.schema.json is the schema object', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(BACKUP_SCHEMA)));
  });

  it('docs/backup-v1.schema.json is the version-1 schema object', () => {
    expect(JSON.parse(readFileSync(SCHEMA_V1_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(BACKUP_SCHEMA_V1)));
  });

  it('the precompiled validator is what Ajv compiles from the schema today', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(compileValidatorSource());
  });

  it('the precompiled validator needs no runtime import (it loads under the CSP on its own)', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).not.toMatch(/\brequire\(|^import /m);
  });
});
