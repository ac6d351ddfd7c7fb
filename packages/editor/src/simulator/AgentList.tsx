import type { AgentRow } from './call-controller';

interface AgentListProps {
  agents: readonly AgentRow[];
  states: readonly string[];
  onState: (agent: string, state: string) => void;
  onHangUp: (agent: string) => void;
}

/**
 * The simulated agents of the resources file and their states; the admin changes them by hand and
 * hangs up as an agent who is on a call.
 */
export function AgentList({ agents, states, onState, onHangUp }: AgentListProps) {
  if (agents.length === 0) {
    return (
      <p className="muted">No agents in the resources file: queued calls wait until the clock runs out.</p>
    );
  }
  return (
    <table className="sim-agents" aria-label="Simulated agents">
      <caption>Agents</caption>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.name} data-state={agent.state}>
            <th scope="row" title={agent.groups.join(', ')}>
              {agent.displayName}
            </th>
            <td>
              <select
                aria-label={`State of ${agent.displayName}`}
                value={agent.state}
                onChange={(e) => onState(agent.name, e.target.value)}
              >
                {(states.includes(agent.state) ? states : [agent.state, ...states]).map((state) => (
                  <option key={state} value={state}>
                    {state}
                  </option>
                ))}
              </select>
            </td>
            <td>
              {agent.onCall && (
                <button
                  type="button"
                  className="danger"
                  aria-label={`Hang up as ${agent.displayName}`}
                  onClick={() => onHangUp(agent.name)}
                >
                  Hang up
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
