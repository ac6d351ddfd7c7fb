import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/request';
import { ConnectedCall } from './ConnectedCall';
import { DialPad } from './DialPad';
import { useDesktopEvents } from './desktop-events';
import { signIn, useDesktop } from './desktop-store';
import { desktopToken, setDesktopToken } from './desktop-token';
import { OfferStack } from './OfferStack';
import { SignIn } from './SignIn';
import { StateBar } from './StateBar';

const AGENT_KEY = 'callflow.agentName';

/** `?agent=` from the address (the link an administrator hands out), else the last one of this tab. */
function initialAgent(): string {
  const fromUrl = new URL(window.location.href).searchParams.get('agent');
  if (fromUrl) window.sessionStorage.setItem(AGENT_KEY, fromUrl);
  return fromUrl ?? window.sessionStorage.getItem(AGENT_KEY) ?? '';
}

/**
 * The agent desktop at /agent: signed in as one agent with that agent's token, it shows that agent
 * only — state, offers, the connected call.
 */
export function AgentDesktop() {
  const [agentName, setAgentName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [suggested] = useState(initialAgent);
  const agent = useDesktop((s) => s.agent);
  const notice = useDesktop((s) => s.notice);

  const start = useCallback(async (name: string) => {
    try {
      await signIn(name);
      window.sessionStorage.setItem(AGENT_KEY, name);
      setAgentName(name);
      setError(null);
    } catch (e) {
      setDesktopToken(null);
      useDesktop.setState({ api: null });
      setError(
        e instanceof ApiError && (e.status === 401 || e.status === 403)
          ? `${e.message} Sign in with the agent token of ${name}.`
          : (e as Error).message,
      );
    }
  }, []);
  // A link with ?agent= and ?token= signs in at once.
  useEffect(() => {
    if (suggested && desktopToken()) void start(suggested);
  }, [suggested, start]);
  useDesktopEvents(agentName);

  if (!agentName || !agent) {
    return (
      <main className="desk">
        <SignIn
          initialAgent={suggested}
          error={error}
          onSignIn={(name, token) => {
            setDesktopToken(token);
            void start(name);
          }}
        />
      </main>
    );
  }
  return (
    <main className="desk" aria-label={`Desktop of ${agent.displayName}`}>
      <header className="desk-top">
        <h1>{agent.displayName}</h1>
        <StateBar />
      </header>
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`desk-notice ${notice.kind}`}>
          {notice.text}
          {notice.code && <code>{notice.code}</code>}
        </p>
      )}
      <OfferStack />
      <ConnectedCall />
      {/* A consulted agent is on another agent's call: no call of their own meanwhile. */}
      {!agent.contactId && !agent.consult && (agent.state === 'Available' || agent.state === 'Busy') && (
        <DialPad />
      )}
    </main>
  );
}
