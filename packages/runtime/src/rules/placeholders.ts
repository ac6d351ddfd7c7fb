/** `{{name}}` placeholders are plain variable lookups, never expressions (flow content is data). */
const PLACEHOLDER = /\{\{\s*(\$?[A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export function fillPlaceholders(
  text: string,
  lookup: (name: string) => unknown,
  encode?: (value: string) => string,
): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const value = lookup(name);
    const shown =
      value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return encode ? encode(shown) : shown;
  });
}

/** Reads an operand setting (`{ value }` or `{ variable }`). */
export function operandValue(operand: unknown, lookup: (name: string) => unknown): unknown {
  if (operand === null || typeof operand !== 'object') return undefined;
  const o = operand as Record<string, unknown>;
  if (typeof o.variable === 'string') return lookup(o.variable);
  return o.value;
}
