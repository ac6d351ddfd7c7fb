import { callWaiting, DESK_DEMO, PIN } from '../harness/desk-demo.ts';
import { expect, test } from '../harness/desk-test.ts';
import {
  connectedCall,
  docScreenshot,
  offers,
  popoverLines,
  publishFlow,
  setDesktopState,
  stateOf,
} from '../harness/desktop.ts';
import { openFlow, sidePanelTab } from '../harness/editor.ts';

test('two agents signed in at once: the call is offered to one with the popover in the admin’s order and no PIN; accepted, its data shows the PIN masked; hang-up and wrap-up', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  const bilal = await openDesk('bilal.khan');
  // Each desktop shows its own agent only.
  await expect(alice.page.getByRole('heading', { level: 1 })).toHaveText('Alice Ng');
  await expect(bilal.page.getByRole('heading', { level: 1 })).toHaveText('Bilal Khan');
  // Alice is Available first: idle the longest, she is offered the call.
  await setDesktopState(alice.page, 'Available');
  await setDesktopState(bilal.page, 'Available');

  const contactId = await callWaiting(api);
  const popover = offers(alice.page).getByRole('article', { name: 'Offer: Technical support' });
  await expect(popover).toBeVisible();
  expect(await popoverLines(popover)).toEqual([
    ['Tier', 'gold'],
    ['Reason for call', 'Billing question'],
    ['Caller name', 'Dana Smith'],
  ]);
  await expect(popover).not.toContainText('PIN');
  await expect(popover).not.toContainText(PIN);
  await expect(popover.getByRole('timer', { name: 'Rings for' })).toHaveText(/^\d+ s$/);
  // Bilal is not offered Alice's call.
  await expect(offers(bilal.page)).toHaveCount(0);
  await docScreenshot(alice.page, 'offer');

  await popover.getByRole('button', { name: 'Accept' }).click();
  const call = connectedCall(alice.page);
  await expect(call).toHaveAttribute('data-contact', contactId);
  await expect(offers(alice.page)).toHaveCount(0);
  const cad = call.getByRole('table', { name: 'Call data' });
  await expect(cad.locator('tr[data-variable="pin"] td')).toContainText('•••');
  await expect(cad).not.toContainText(PIN);
  await expect(cad.locator('tr[data-variable="tier"] output')).toHaveText('gold');
  // Asking for the secure value does not reveal it: the service never sends it.
  await cad.getByRole('button', { name: 'Show PIN' }).click();
  await expect(cad.getByRole('note')).toContainText('never leave the service');
  await expect(cad).not.toContainText(PIN);
  // What the service holds: the contact is connected, and Alice is the agent on it.
  const stored = await api.call('GET', `/api/contacts/${contactId}`);
  expect(stored.body).toMatchObject({ status: 'connected' });
  await docScreenshot(alice.page, 'connected-call');

  // An agent-editable value: at most 256 characters, refused on the desktop before it is sent.
  const callerName = cad.getByRole('textbox', { name: 'Caller name' });
  const editCaller = cad.getByRole('form', { name: 'Edit Caller name' });
  await callerName.fill('x'.repeat(257));
  await expect(editCaller.getByRole('alert')).toHaveText('At most 256 characters (257 now).');
  await expect(editCaller.getByRole('button', { name: 'Save' })).toBeDisabled();
  await callerName.fill('Dana Smith-Jones');
  await editCaller.getByRole('button', { name: 'Save' }).click();
  await expect(alice.page.getByRole('status').filter({ hasText: 'Caller name saved.' })).toBeVisible();
  const edited = await api.call('GET', `/api/contacts/${contactId}`);
  expect(edited.body).toMatchObject({
    variables: { caller: 'Dana Smith-Jones' },
    variableVersions: { caller: 1 },
  });

  await call.getByRole('button', { name: 'Hang up' }).click();
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'WrapUp');
  await expect(connectedCall(alice.page)).toHaveCount(0);
  const ended = await api.call('GET', `/api/contacts/${contactId}`);
  expect(ended.body).toMatchObject({ status: 'ended', endReason: 'agent hung up' });
  const wrapUp = alice.page.getByRole('form', { name: 'Wrap-up' });
  // The admin's reasons (flows/resources.json), in their order.
  const reason = wrapUp.getByRole('combobox', { name: 'Wrap-up reason' });
  await expect(reason.locator('option:not([value=""])')).toHaveText([
    'Resolved',
    'Follow-up needed',
    'Transferred',
    'Sale made',
    'Wrong number',
  ]);
  await expect(wrapUp.getByRole('button', { name: 'Done' })).toBeDisabled();
  await reason.selectOption('Follow-up needed');
  await wrapUp.getByRole('button', { name: 'Done' }).click();
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'Available');
  const agents = (await api.call('GET', '/api/agents')).body as { name: string; state: string }[];
  expect(agents.find((a) => a.name === 'alice.ng')?.state).toBe('Available');
});

test('an offer left ringing turns the agent RONA and the call goes to the next agent; the desktop brings the agent back to Available', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  const bilal = await openDesk('bilal.khan');
  await setDesktopState(alice.page, 'Available');
  const contactId = await callWaiting(api);
  const popover = offers(alice.page).getByRole('article', { name: 'Offer: Technical support' });
  await expect(popover).toBeVisible();
  await setDesktopState(bilal.page, 'Available');
  // The support queue rings for 20 s: the test clock skips past it instead of waiting.
  expect((await api.call('POST', '/api/sim/clock', { body: { skipSeconds: 25 } })).status).toBe(200);
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'RONA');
  await expect(offers(alice.page)).toHaveCount(0);
  const rona = stateOf(alice.page).getByRole('status');
  await expect(rona).toContainText('rang out without an answer');
  // Back in its queue at its place, the call is offered to Bilal.
  await expect(offers(bilal.page).getByRole('article', { name: 'Offer: Technical support' })).toBeVisible();
  const agents = (await api.call('GET', '/api/agents')).body as {
    name: string;
    state: string;
    offer: { contactId: string } | null;
  }[];
  expect(agents.find((a) => a.name === 'alice.ng')?.state).toBe('RONA');
  expect(agents.find((a) => a.name === 'bilal.khan')?.offer?.contactId).toBe(contactId);
  await docScreenshot(alice.page, 'rona');

  await rona.getByRole('button', { name: 'Available again' }).click();
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'Available');
  const after = (await api.call('GET', '/api/agents')).body as { name: string; state: string }[];
  expect(after.find((a) => a.name === 'alice.ng')?.state).toBe('Available');
});

test('a blind transfer from the desktop: to an Available agent only (never oneself, never one in wrap-up), then to a number cleaned and checked as typed', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  const bilal = await openDesk('bilal.khan');
  await setDesktopState(alice.page, 'Available');
  const contactId = await callWaiting(api);
  await offers(alice.page).getByRole('button', { name: 'Accept' }).click();
  await expect(connectedCall(alice.page)).toHaveAttribute('data-contact', contactId);

  const transfer = connectedCall(alice.page).getByRole('form', { name: 'Transfer' });
  const agentChoices = transfer.getByRole('combobox', { name: 'Agent' }).locator('option:not([value=""])');
  // Nobody else is Available yet: nobody to choose, Alice herself never.
  await expect(agentChoices).toHaveCount(0);
  await setDesktopState(bilal.page, 'Available');
  await expect(agentChoices).toHaveText(['Bilal Khan']);
  await transfer.getByRole('combobox', { name: 'Agent' }).selectOption('bilal.khan');
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'WrapUp');

  // Bilal is offered the call with its popover, and takes it.
  const offered = offers(bilal.page).getByRole('article', { name: /^Offer: / });
  await expect(offered).toBeVisible();
  expect((await popoverLines(offered)).map(([label]) => label)).toEqual([
    'Tier',
    'Reason for call',
    'Caller name',
  ]);
  await offered.getByRole('button', { name: 'Accept' }).click();
  await expect(connectedCall(bilal.page)).toHaveAttribute('data-contact', contactId);
  // Alice is in wrap-up: not someone Bilal may transfer to.
  const back = connectedCall(bilal.page).getByRole('form', { name: 'Transfer' });
  await expect(back.getByRole('combobox', { name: 'Agent' }).locator('option:not([value=""])')).toHaveCount(
    0,
  );

  // To a number: typed with punctuation, cleaned as typed; a country outside the allowlist is refused.
  await back.getByRole('radio', { name: 'A number' }).check();
  const number = back.getByRole('textbox', { name: 'Number' });
  await number.pressSequentially('+44 20 7946 0000');
  await expect(number).toHaveValue('+442079460000');
  await expect(back.getByRole('alert')).toHaveAttribute('data-reason', 'countryNotAllowed');
  await expect(back.getByRole('button', { name: 'Transfer' })).toBeDisabled();
  await number.fill('');
  await number.pressSequentially('(415) 555-0142');
  await expect(number).toHaveValue('4155550142');
  await expect(back).toContainText('Dials +14155550142');
  await back.getByRole('button', { name: 'Transfer' }).click();
  await expect(stateOf(bilal.page)).toHaveAttribute('data-state', 'WrapUp');
  const stored = await api.call('GET', `/api/contacts/${contactId}`);
  expect((stored.body as { status: string }).status).toMatch(/^transferr/);
  const log = await api.call('GET', `/api/contacts/${contactId}/log`);
  const dials = (log.body as { entries: { type: string; detail: { to?: string } }[] }).entries.filter(
    (e) => e.type === 'dial',
  );
  expect(dials.at(-1)?.detail.to).toBe('+14155550142');
});

test('a newcomer plays caller in the designer’s simulator on the service and agent on the desktop, side by side', async ({
  api,
  openDesk,
  openEditor,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  await setDesktopState(alice.page, 'Available');

  const page = await openEditor();
  await openFlow(page, 'desk-demo');
  await sidePanelTab(page, 'Simulator').click();
  const simulator = page.getByRole('region', { name: 'Simulator' });
  await simulator.getByRole('radio', { name: 'On the service (live version)' }).check();
  await expect(simulator).toContainText('Runs version 1, the live version');
  await simulator
    .getByRole('form', { name: 'Start a call' })
    .getByRole('button', { name: 'Start call' })
    .click();
  const keypad = simulator.getByRole('group', { name: 'Keypad' });
  for (const key of PIN) await keypad.getByRole('button', { name: `Key ${key}` }).click();

  // The call the designer placed is offered on the desktop; the agent takes it there.
  const offered = offers(alice.page).getByRole('article', { name: 'Offer: Technical support' });
  await expect(offered).toBeVisible();
  await offered.getByRole('button', { name: 'Accept' }).click();
  await expect(connectedCall(alice.page)).toBeVisible();
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript).toContainText('Connected to agent alice.ng');
  // The agent hangs up on the desktop: the designer's call ends.
  await connectedCall(alice.page).getByRole('button', { name: 'Hang up' }).click();
  await expect(simulator.getByRole('status', { name: 'Call status' })).toContainText('Call ended');
});

test('a web callback is offered as the Callback popover: the customer’s number, the queue and the DNIS', async ({
  api,
  openDesk,
}) => {
  expect((await api.call('POST', '/api/flows/outbound-whisper/publish')).status).toBe(201);
  expect((await api.call('POST', '/api/flows/support-queue/publish')).status).toBe(201);
  const alice = await openDesk('alice.ng');
  await setDesktopState(alice.page, 'Available');
  const requested = await api.call('POST', '/api/callbacks', {
    body: { name: 'Ann Lee', number: '(201) 555-0123', queue: 'support' },
  });
  expect(requested.status, JSON.stringify(requested.body)).toBe(201);
  const popover = offers(alice.page).getByRole('article', { name: 'Offer: Callback' });
  await expect(popover).toBeVisible();
  const lines = await popoverLines(popover);
  expect(lines.slice(0, 3).map(([label]) => label)).toEqual(['Customer number', 'Queue', 'DNIS']);
  expect(lines[0]?.[1]).toBe('+12015550123');
  expect(lines[1]?.[1]).toBe('Technical support');
  expect(lines).toContainEqual(['Name', 'Ann Lee']);
  await docScreenshot(alice.page, 'callback-offer');
});

test('rejecting an offer is the same as letting it ring out: RONA, the call back in its queue', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  await setDesktopState(alice.page, 'Available');
  const contactId = await callWaiting(api);
  await offers(alice.page).getByRole('button', { name: 'Reject' }).click();
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'RONA');
  await expect(offers(alice.page)).toHaveCount(0);
  const stored = await api.call('GET', `/api/contacts/${contactId}`);
  expect(stored.body).toMatchObject({ status: 'queued' });
});
