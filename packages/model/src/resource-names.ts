/**
 * Whether a text can name a resource entry (a queue, number, prompt…), with the code and words
 * `callflow validate` uses for the same name in resources.json.
 */
import { RESOURCE_NAME_PATTERN } from './schema/defs.js';
import { PATTERN_WORDS } from './schema-wording.js';

export const MAX_RESOURCE_NAME_LENGTH = 64;
const NAME = new RegExp(RESOURCE_NAME_PATTERN);

/** Null when `name` is a well-formed resource name, else the schema's code (CF105 length, CF106 shape) and why. */
export function resourceNameProblem(name: string): { code: string; message: string } | null {
  if (name.length > MAX_RESOURCE_NAME_LENGTH)
    return { code: 'CF105', message: `A name has at most ${MAX_RESOURCE_NAME_LENGTH} characters.` };
  if (!NAME.test(name))
    return { code: 'CF106', message: `"${name}" ${PATTERN_WORDS[RESOURCE_NAME_PATTERN]}.` };
  return null;
}
