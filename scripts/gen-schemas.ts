// Writes schemas/okr-set.schema.json from the core's okrSetSchema(): the schema
// package.json gives the YAML extension (contributes.yamlValidation).
// `npx tsx scripts/gen-schemas.ts` regenerates; test/unit/okr-schema.test.ts
// checks the file is current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { okrSetSchema } from '../src/core/okr-schema';

export const OKR_SCHEMA_FILE = 'schemas/okr-set.schema.json';

export function okrSchemaText(): string {
  return `${JSON.stringify(okrSetSchema(), null, 2)}\n`;
}

if (require.main === module) {
  mkdirSync('schemas', { recursive: true });
  writeFileSync(OKR_SCHEMA_FILE, okrSchemaText());
  console.log(`wrote ${OKR_SCHEMA_FILE}`);
}
