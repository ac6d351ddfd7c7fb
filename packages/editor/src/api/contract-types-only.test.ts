import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}

describe('the API contract in the designer', () => {
  it('is imported for its types only, so its schemas (and zod) stay out of the bundle', () => {
    const valueImports = sourceFiles(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const imports = text.match(/import\s+[^;]*?from\s+'(?:@callflow\/model\/api-contract|zod)'/g) ?? [];
      return imports.filter((line) => !/^import\s+type\s/.test(line)).map((line) => `${file}: ${line}`);
    });
    expect(valueImports).toEqual([]);
    // The check reads the imports that exist: the client takes its answer types from the contract.
    expect(readFileSync(join(SRC, 'api', 'client.ts'), 'utf8')).toContain(
      "import type { ApiRoutes, ResponseOf } from '@callflow/model/api-contract';",
    );
  });
});
