import { describe, expect, it } from 'vitest';
import { resourceNameProblem } from './resource-names.js';
import { emptyResources } from './resources.js';
import { validateResourcesSchema } from './validate.js';

describe('resourceNameProblem', () => {
  it('gives the code the schema check gives the same name in resources.json', () => {
    for (const name of ['bad name', '-lead', 'x'.repeat(65), 'é']) {
      const doc = { ...emptyResources(), prompts: { [name]: { text: 'Hi' } } };
      const schemaCodes = validateResourcesSchema(doc).map((p) => p.code);
      expect(schemaCodes).toContain(resourceNameProblem(name)?.code);
    }
    expect(resourceNameProblem('sales.priority_2-b')).toBeNull();
  });
});
