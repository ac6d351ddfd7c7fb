import { openFlow, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('a call time the spring DST jump skips starts the simulated call after the jump, not an hour before', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'support-inbound');
  // 02:30 does not exist in New York on 2026-03-08 (clocks go from 02:00 EST to 03:00 EDT).
  const simulator = await startBrowserCall(page, { at: '2026-03-08T02:30' });
  const clock = simulator.getByRole('group', { name: 'Clock' }).getByLabel('Simulated time');
  await expect(clock).toHaveText(/^03:30:\d\d$/);
});
