import { useDesktop } from './desktop-store';

interface PickerProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** The other agents Available now: never oneself (the profile lists only others), never one in wrap-up. */
export function useAvailableAgents() {
  const profile = useDesktop((s) => s.profile);
  return (profile?.agents ?? []).filter((a) => a.state === 'Available');
}

/** Picks one of the other agents Available now (transfer, consult). */
export function AvailableAgentSelect({ label, value, onChange }: PickerProps) {
  const available = useAvailableAgents();
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">
          {available.length ? 'Choose an available agent' : 'No other agent is available'}
        </option>
        {available.map((a) => (
          <option key={a.name} value={a.name}>
            {a.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Picks the number to present among the agent's allowed numbers only; empty is "as the center decides". */
export function CallerIdSelect({ label, value, onChange }: PickerProps) {
  const numbers = useDesktop((s) => s.profile?.numbers) ?? [];
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">As the center decides</option>
        {numbers.map((n) => (
          <option key={n.name} value={n.name}>
            {n.displayName} ({n.number})
          </option>
        ))}
      </select>
    </label>
  );
}
