let regionNames: Intl.DisplayNames | undefined;

/** "Jamaica (JM)", for messages; falls back to the code where Intl has no region names. */
export function countryLabel(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    const name = regionNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
