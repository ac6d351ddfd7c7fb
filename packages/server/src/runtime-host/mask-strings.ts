/**
 * `value` with `mask` applied to every string inside it, however deep (arrays, objects). Parts where
 * nothing changed are shared with `value`, not copied: a log keeps every command of a call.
 */
export function maskStrings(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const masked = maskStrings(value[i], mask);
      if (masked === value[i]) continue;
      out ??= [...value];
      out[i] = masked;
    }
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const masked = maskStrings(item, mask);
      if (masked === item) continue;
      out ??= { ...value };
      out[key] = masked;
    }
    return out ?? value;
  }
  return value;
}
