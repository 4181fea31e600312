// Each backup schema (version 2, and version 1 still read) exists three times: the TypeScript
// object (src/domain/backup/schema.ts), the documented copy (docs/backup.schema.json,
// docs/backup-v1.schema.json) and the validators Ajv compiled from them ahead of time
// (src/domain/backup/validator.generated.js, typed by its .d.ts). This test keeps them in step;
// `npm run backup-schema` (scripts/backup-schema.ts) rewrites the generated files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMA, BACKUP_SCHEMA_V1 } from '../../../src/domain/backup/schema';
import { compileValidatorSource, SCHEMA_FILE, SCHEMA_V1_FILE, schemaText, schemaV1Text, VALIDATOR_FILE } from '../../../scripts/backup-schema';

describe('backup schema files', () => {
  it('docs/backup.schema.json is the schema object', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(BACKUP_SCHEMA)));
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('docs/backup-v1.schema.json is the version-1 schema object', () => {
    expect(JSON.parse(readFileSync(SCHEMA_V1_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(BACKUP_SCHEMA_V1)));
    expect(readFileSync(SCHEMA_V1_FILE, 'utf8')).toBe(schemaV1Text());
  });

  it('the precompiled validator is what Ajv compiles from the schema today', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(compileValidatorSource());
  });

  it('the precompiled validator needs no runtime import (it loads under the CSP on its own)', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).not.toMatch(/\brequire\(|^import /m);
  });
});
