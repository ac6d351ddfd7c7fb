import { type ApiToken, generateToken } from './tokens.js';

/** An agent desktop's sign-in, printed beside the designer's URL. */
export interface AgentSignIn {
  agent: string;
  token: string;
}

/**
 * On a start without configured tokens — one person on this machine, the README's `npm start` — the
 * service makes a desktop token for each agent of the resources, bound to that agent, and prints their
 * sign-in links beside the designer's URL: the person can play caller in the designer and agent on the
 * desktop with no other step. Like the generated admin token, they live only as long as the process.
 * `tokens` is the list authentication reads; the new tokens are added to it.
 */
export function addStartupAgentTokens(tokens: ApiToken[], agents: readonly string[]): AgentSignIn[] {
  return agents.map((agent) => {
    const token = generateToken();
    tokens.push({ name: `startup-${agent}`, token, role: 'agent', agent });
    return { agent, token };
  });
}

/** The desktop's sign-in link for `signIn`, under the service's base URL (ending in `/`). */
export function agentSignInUrl(base: string, signIn: AgentSignIn): string {
  return `${base}agent?agent=${encodeURIComponent(signIn.agent)}&token=${encodeURIComponent(signIn.token)}`;
}
