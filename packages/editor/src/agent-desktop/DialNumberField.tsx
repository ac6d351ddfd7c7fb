import { useDesktop } from './desktop-store';
import { checkAgentNumber, cleanDialInput } from './dial-input';

interface DialNumberFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A dial-number input: cleaned as typed, and the check's message shown under it while it fails. */
export function DialNumberField({ label, value, onChange }: DialNumberFieldProps) {
  const profile = useDesktop((s) => s.profile);
  const check = value ? checkAgentNumber(value, profile) : null;
  return (
    <label className="desk-dial">
      {label}
      <input
        inputMode="tel"
        value={value}
        aria-invalid={check !== null && !check.ok}
        onChange={(e) => onChange(cleanDialInput(e.target.value))}
      />
      {check && !check.ok && (
        <span role="alert" className="desk-hint" data-reason={check.reason}>
          {check.message}
        </span>
      )}
      {check?.ok && <span className="muted desk-hint">Dials {check.e164}</span>}
    </label>
  );
}

export function dialNumberOk(value: string): boolean {
  return value !== '' && checkAgentNumber(value, useDesktop.getState().profile).ok;
}
