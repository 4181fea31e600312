// The backup schema exists three times: the TypeScript object (src/domain/backup/schema.ts), the
// documented copy (docs/backup.schema.json) and the validator Ajv compiled from it ahead of time
// (src/domain/backup/validator.generated.js, typed by its .d.ts). This test keeps them in step; run it with
// UPDATE_GENERATED=1 to rewrite the two generated files after changing the schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMA } from '../../../src/domain/backup/schema';

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const SCHEMA_FILE = root('docs/backup.schema.json');
const VALIDATOR_FILE = root('src/domain/backup/validator.generated.js');

const HEADER = `// GENERATED from ./schema.ts by test/domain/backup/schema-files.test.ts (UPDATE_GENERATED=1): do not edit.
// The backup JSON Schema compiled ahead of time by Ajv's standalone code generator, because the
// app's Content-Security-Policy (script-src 'self') forbids the eval Ajv needs to compile at run time.
// Loaded lazily by src/db/backup.ts, so it is not part of the first-visit bundle.
/* eslint-disable */
`;

function compileValidatorSource(): string {
  const ajv = new Ajv({ code: { source: true, esm: true }, allowUnionTypes: true, strict: true });
  const validate = ajv.compile(BACKUP_SCHEMA);
  return `${HEADER}${standaloneCode(ajv, validate)}\n`;
}

const schemaText = `${JSON.stringify(BACKUP_SCHEMA, null, 2)}\n`;

if (process.env.UPDATE_GENERATED === '1') {
  writeFileSync(SCHEMA_FILE, schemaText);
  writeFileSync(VALIDATOR_FILE, compileValidatorSource());
}

describe('backup schema files', () => {
  it('docs/backup.schema.json is the schema object', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(BACKUP_SCHEMA)));
  });

  it('the precompiled validator is what Ajv compiles from the schema today', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(compileValidatorSource());
  });

  it('the precompiled validator needs no runtime import (it loads under the CSP on its own)', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).not.toMatch(/\brequire\(|^import /m);
  });
});
