import type { z } from 'zod';

/** A located problem of a request: a JSON pointer into the body (or query) and what to do. */
export interface RequestProblem {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

const pointer = (path: readonly PropertyKey[]): string =>
  path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

/**
 * Turns zod's issues into the API's problems: one per cause, each at its JSON pointer, in words a
 * client developer reads (`"to" is required.`), never zod's own wording, which may change between
 * versions.
 */
export function requestProblems(
  issues: readonly Issue[],
  base: readonly PropertyKey[] = [],
): RequestProblem[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    const name = path.length > 0 ? `"${path.map(String).join('.')}"` : 'The body';
    const at = (message: string): RequestProblem => ({ path: pointer(path), message });
    switch (issue.code) {
      case 'invalid_type':
        return [
          issue.input === undefined
            ? at(`${name} is required.`)
            : at(`${name} must be ${EXPECTED[issue.expected] ?? issue.expected}.`),
        ];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          path: pointer([...path, key]),
          message: `"${[...path, key].map(String).join('.')}" is not a known field.`,
        }));
      case 'too_big':
        return [
          issue.origin === 'string'
            ? at(`${name} holds at most ${issue.maximum} characters.`)
            : at(`${name} must be at most ${issue.maximum}.`),
        ];
      case 'too_small':
        return [
          issue.origin === 'string'
            ? at(
                Number(issue.minimum) <= 1
                  ? `${name} must not be empty.`
                  : `${name} holds at least ${issue.minimum} characters.`,
              )
            : at(`${name} must be at least ${issue.minimum}.`),
        ];
      case 'invalid_value':
        return [at(`${name} must be one of ${issue.values.map(String).join(', ')}.`)];
      case 'invalid_format':
        return [
          at(
            `${name} does not have the required form${'pattern' in issue ? ` (${String(issue.pattern)})` : ''}.`,
          ),
        ];
      case 'invalid_union':
        if ('options' in issue && Array.isArray(issue.options))
          return [at(`${name} must be one of ${issue.options.map(String).join(', ')}.`)];
        return [at(`${name} is not one of the forms it may take.`)];
      case 'custom':
        return [at(`${name} ${issue.message}.`)];
      default:
        return [at(`${name}: ${issue.message}`)];
    }
  });
}
