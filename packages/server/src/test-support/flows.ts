/**
 * The value tests give a secure variable, then look for in responses, traces and logs. Eight digits, so
 * that a random contact id or a timestamp in the same text cannot contain it by chance (a four-digit PIN
 * turned up inside a random UUID one run in a few thousand).
 */
export const SECRET_PIN = '90417253';

/** Small flows for runtime tests: a menu that waits for a key, so a contact stays where a test wants it. */
export function menuFlow(id: string, variant: string): Record<string, unknown> {
  return {
    $schema: '../schemas/flow.schema.json',
    formatVersion: 1,
    id,
    name: `Menu ${variant}`,
    type: 'inbound',
    start: `${variant}-menu`,
    variables: {
      note: { type: 'string', label: 'Note', agentViewable: true, agentEditable: true },
      pin: { type: 'string', label: 'PIN', agentViewable: true, secure: true },
    },
    blocks: {
      [`${variant}-menu`]: {
        type: 'menu',
        settings: {
          prompt: { text: `Menu ${variant}` },
          options: [{ digit: '1' }],
          timeoutSeconds: 60,
          retries: 0,
        },
        next: {
          '1': `${variant}-set`,
          timeout: `${variant}-bye`,
          noMatch: `${variant}-bye`,
          error: `${variant}-bye`,
        },
      },
      [`${variant}-set`]: {
        type: 'setVariables',
        settings: { assignments: [{ variable: 'pin', value: { value: SECRET_PIN } }] },
        next: { success: `${variant}-wait`, error: `${variant}-bye` },
      },
      [`${variant}-wait`]: {
        type: 'menu',
        settings: {
          prompt: { text: 'Press 1 to finish' },
          options: [{ digit: '1' }],
          timeoutSeconds: 60,
          retries: 0,
        },
        next: {
          '1': `${variant}-bye`,
          timeout: `${variant}-bye`,
          noMatch: `${variant}-bye`,
          error: `${variant}-bye`,
        },
      },
      [`${variant}-bye`]: { type: 'disconnect', settings: {} },
    },
  };
}

/** Polls `read` until `done` holds (steps after a prompt run on the next tick). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}
