import type { KeyboardEvent } from 'react';
import { KEYPAD_KEYS, keypadKeyFor } from './keypad-keys';

interface KeypadProps {
  disabled: boolean;
  onPress: (key: string) => void;
}

/**
 * The caller's keypad. Each key is a button (Tab and Enter work); typing a digit, `*` or `#` while the
 * keypad has focus presses that key too.
 */
export function Keypad({ disabled, onPress }: KeypadProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    const key = keypadKeyFor(event.key);
    if (!key || disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    onPress(key);
  };
  return (
    <fieldset className="sim-keypad" aria-label="Keypad" onKeyDown={onKeyDown}>
      {KEYPAD_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="sim-key"
          disabled={disabled}
          aria-label={`Key ${key}`}
          onClick={() => onPress(key)}
        >
          {key}
        </button>
      ))}
    </fieldset>
  );
}
