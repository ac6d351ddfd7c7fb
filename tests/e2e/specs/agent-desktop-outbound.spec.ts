import { callWaiting, DESK_DEMO } from '../harness/desk-demo.ts';
import { changeResources, expect, test } from '../harness/desk-test.ts';
import { connectedCall, docScreenshot, publishFlow, setDesktopState, stateOf } from '../harness/desktop.ts';

test('an outbound call from the dial pad: the number cleaned as typed, a caller ID picked among the agent’s allowed numbers only, preselected by the center with its reason; at capacity the reason code shows', async ({
  api,
  openDesk,
}) => {
  expect((await api.call('POST', '/api/flows/outbound-whisper/publish')).status).toBe(201);
  const bilal = await openDesk('bilal.khan', [409]);
  await setDesktopState(bilal.page, 'Available');
  const pad = bilal.page.getByRole('region', { name: 'Dial pad' });
  const number = pad.getByRole('textbox', { name: 'Number to call' });
  await number.pressSequentially('(312) 555-01');
  await pad.getByRole('button', { name: 'Key 6' }).click();
  await pad.getByRole('button', { name: 'Key 6' }).click();
  await expect(number).toHaveValue('3125550166');

  // Only Bilal's allowed numbers (flows/resources.json: support, main), with their display names.
  const picker = pad.getByRole('combobox', { name: 'Caller ID' });
  await expect(picker.locator('option:not([value=""])')).toHaveText([
    'Northwind Support (+12125550101)',
    'Northwind Main Line (+12125550100)',
  ]);
  // Preselected as the service decides, with the service's own explanation.
  const preview = await api.call('GET', '/api/agents/bilal.khan/caller-id?to=3125550166');
  const decided = preview.body as { number: string; rule: string; reason: string };
  const why = pad.getByRole('note', { name: 'Why this caller ID' });
  await expect(why).toHaveAttribute('data-rule', decided.rule);
  await expect(why).toContainText(decided.reason);
  const names: Record<string, string> = { '+12125550101': 'support', '+12125550100': 'main' };
  await expect(picker).toHaveValue(names[decided.number] ?? '');
  await docScreenshot(bilal.page, 'dial-pad');

  // At the center's maximum concurrent calls, the call is not placed and the reason code shows.
  // The sample outbound whisper flow sets a caller ID of its own, which comes before any other rule
  // (docs/caller-id.md): without it on Bilal's outbound queue, the number he picks is the one presented.
  await changeResources(api, (full) => {
    full.account.maxConcurrentCalls = 1;
    delete full.queues.billing?.outboundWhisperFlow;
  });
  // Busy by hand: Bilal takes no queue call, and may still place his own.
  await setDesktopState(bilal.page, 'Busy');
  await publishFlow(api, DESK_DEMO);
  await callWaiting(api);
  await picker.selectOption('support');
  await expect(why).toHaveAttribute('data-rule', 'agentChoice');
  await pad.getByRole('button', { name: 'Call' }).click();
  const refused = bilal.page.getByRole('alert').filter({ hasText: 'center_at_capacity' });
  await expect(refused).toContainText('CENTER_AT_CAPACITY');
  await expect(stateOf(bilal.page)).toHaveAttribute('data-state', 'Busy');
  await expect(connectedCall(bilal.page)).toHaveCount(0);

  // With a free line again, the call goes out with the number Bilal picked.
  await changeResources(api, (full) => {
    full.account.maxConcurrentCalls = 120;
  });
  await pad.getByRole('button', { name: 'Call' }).click();
  const call = connectedCall(bilal.page);
  await expect(call).toBeVisible();
  const contactId = await call.getAttribute('data-contact');
  const log = await api.call('GET', `/api/contacts/${contactId}/log`);
  const dial = (
    log.body as { entries: { type: string; detail: { to?: string; callerId?: string } }[] }
  ).entries.find((e) => e.type === 'dial');
  expect(dial?.detail).toMatchObject({ to: '+13125550166', callerId: '+12125550101' });
});

test('agent-initiated callback with Prompt: the simulated customer keys a number, it fills the agent’s field, the agent edits it and calls it; Prompt again and Cancel dial nothing', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng', [409]);
  await setDesktopState(alice.page, 'Available');
  const contactId = await callWaiting(api);
  await alice.page.getByRole('region', { name: 'Offers' }).getByRole('button', { name: 'Accept' }).click();
  const panel = connectedCall(alice.page).getByRole('region', { name: 'Callback' });
  const field = panel.getByRole('textbox', { name: 'Callback number' });

  // Prompt, then the customer keys a number the dial-number rules refuse: the agent is told why.
  await panel.getByRole('button', { name: 'Prompt the customer' }).click();
  await expect(panel).toHaveAttribute('data-status', 'prompting');
  const customerKeys = async (digits: string) =>
    expect(
      (await api.call('POST', `/api/contacts/${contactId}/events`, { body: { type: 'digits', digits } }))
        .status,
    ).toBe(200);
  await customerKeys('911#');
  await expect(panel).toHaveAttribute('data-status', 'invalid');
  await expect(panel.getByRole('button', { name: 'Call back' })).toBeDisabled();

  // Prompt again: this entry fills the field.
  await panel.getByRole('button', { name: 'Prompt again' }).click();
  await expect(panel).toHaveAttribute('data-status', 'prompting');
  await customerKeys('3125550');
  await customerKeys('166#');
  await expect(panel).toHaveAttribute('data-status', 'entered');
  await expect(field).toHaveValue('+13125550166');
  await docScreenshot(alice.page, 'callback-prompt');
  // Cancel: nothing is dialled, the call goes on.
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toHaveAttribute('data-status', 'none');
  expect((await api.call('GET', `/api/contacts/${contactId}`)).body).toMatchObject({ status: 'connected' });
  expect((await api.call('GET', '/api/callbacks')).body).toEqual([]);

  // Once more, and this time the agent corrects the last digits and calls it.
  await panel.getByRole('button', { name: 'Prompt the customer' }).click();
  await customerKeys('3125550166#');
  await expect(field).toHaveValue('+13125550166');
  await field.fill('(312) 555-0177');
  await expect(field).toHaveValue('3125550177');
  await panel.getByRole('button', { name: 'Call back' }).click();
  const ended = await api.call('GET', `/api/contacts/${contactId}`);
  await expect
    .poll(
      async () => ((await api.call('GET', `/api/contacts/${contactId}`)).body as { status: string }).status,
    )
    .toBe('ended');
  expect(ended.status).toBe(200);
  // Alice is on her own callback now: the number she corrected is the one dialled.
  const call = connectedCall(alice.page);
  await expect(call).not.toHaveAttribute('data-contact', contactId);
  const callbackId = await call.getAttribute('data-contact');
  const log = await api.call('GET', `/api/contacts/${callbackId}/log`);
  const dial = (log.body as { entries: { type: string; detail: { to?: string } }[] }).entries.find(
    (e) => e.type === 'dial',
  );
  expect(dial?.detail.to).toBe('+13125550177');
});

test('a transfer to a number presents the number the agent picks among their allowed ones', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const bilal = await openDesk('bilal.khan');
  await setDesktopState(bilal.page, 'Available');
  const contactId = await callWaiting(api);
  await bilal.page.getByRole('region', { name: 'Offers' }).getByRole('button', { name: 'Accept' }).click();
  const transfer = connectedCall(bilal.page).getByRole('form', { name: 'Transfer' });
  await transfer.getByRole('radio', { name: 'A number' }).check();
  await transfer.getByRole('textbox', { name: 'Number' }).pressSequentially('(415) 555-0142');
  const presentAs = transfer.getByRole('combobox', { name: 'Present as' });
  await expect(presentAs.locator('option:not([value=""])')).toHaveText([
    'Northwind Support (+12125550101)',
    'Northwind Main Line (+12125550100)',
  ]);
  await presentAs.selectOption('support');
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(stateOf(bilal.page)).toHaveAttribute('data-state', 'WrapUp');
  const log = await api.call('GET', `/api/contacts/${contactId}/log`);
  const dial = (
    log.body as { entries: { type: string; detail: { to?: string; callerId?: string } }[] }
  ).entries
    .filter((e) => e.type === 'dial')
    .at(-1);
  expect(dial?.detail).toMatchObject({ to: '+14155550142', callerId: '+12125550101' });
});
