import { type FormEvent, useState } from 'react';

interface SignInProps {
  initialAgent: string;
  error: string | null;
  onSignIn: (agent: string, token: string) => void;
}

/** The agent's name and the agent token the administrator gave them (CALLFLOW_TOKENS, role agent). */
export function SignIn({ initialAgent, error, onSignIn }: SignInProps) {
  const [agent, setAgent] = useState(initialAgent);
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agent.trim() && token.trim()) onSignIn(agent.trim(), token.trim());
  };
  return (
    <form className="desk-signin" aria-label="Sign in" onSubmit={submit}>
      <h1>Agent desktop</h1>
      <label>
        Agent
        <input value={agent} onChange={(e) => setAgent(e.target.value)} autoComplete="username" />
      </label>
      <label>
        Agent token
        <input
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="current-password"
        />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="primary">
        Sign in
      </button>
    </form>
  );
}
