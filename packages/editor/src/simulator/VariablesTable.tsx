import type { VariableRow } from './simulation-view';

/** The call's variables as they change; secure values are masked. */
export function VariablesTable({ title, rows }: { title: string; rows: readonly VariableRow[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="sim-variables" aria-label={title}>
      <caption>{title}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} data-secure={row.secure ? 'true' : undefined}>
            <th scope="row" title={row.name}>
              {row.label}
            </th>
            <td>
              {row.secure ? (
                <span title="Secure: never shown, logged or traced">{row.value}</span>
              ) : (
                row.value
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
