/** The caller's telephone keypad, in the order a phone shows it. */
export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export type KeypadKey = (typeof KEYPAD_KEYS)[number];

/** The keypad key a keyboard key stands for (digits, `*`, `#`, numpad included); undefined otherwise. */
export function keypadKeyFor(key: string): KeypadKey | undefined {
  return (KEYPAD_KEYS as readonly string[]).includes(key) ? (key as KeypadKey) : undefined;
}
