import type { Page } from '@playwright/test';
import { callWaiting, DESK_DEMO, PIN } from '../harness/desk-demo.ts';
import { agentOnService, changeResources, expect, test } from '../harness/desk-test.ts';
import {
  connectedCall,
  docScreenshot,
  offers,
  popoverLines,
  publishFlow,
  setDesktopState,
  stateOf,
} from '../harness/desktop.ts';
import type { Api } from '../harness/test.ts';

const consultedCall = (page: Page) => page.getByRole('region', { name: 'Consulted call' });
const consultForm = (page: Page) => connectedCall(page).getByRole('form', { name: 'Consult' });
const consultPanel = (page: Page) => connectedCall(page).getByRole('region', { name: 'Consult' });

/** Alice has taken a caller of the demo line; answers the contact's id. */
async function aliceOnACall(api: Api, alice: Page): Promise<string> {
  await setDesktopState(alice, 'Available');
  const contactId = await callWaiting(api);
  await offers(alice).getByRole('button', { name: 'Accept' }).click();
  await expect(connectedCall(alice)).toHaveAttribute('data-contact', contactId);
  return contactId;
}

/** Alice asks Bilal (Available) into a consult from her desktop. */
async function consultBilal(alice: Page): Promise<void> {
  const agent = consultForm(alice).getByRole('combobox', { name: 'Agent to consult' });
  await expect(agent.locator('option:not([value=""])')).toHaveText(['Bilal Khan']);
  await agent.selectOption('bilal.khan');
  await consultForm(alice).getByRole('button', { name: 'Consult' }).click();
  await expect(consultPanel(alice)).toHaveAttribute('data-status', 'ringing');
}

test('a consult with another agent: the consult popover, both desktops on the consult, the first of two saves wins, then the warm transfer hands the caller over', async ({
  api,
  openDesk,
}) => {
  // The admin's consult variables, in an order of their own; the PIN is secure and never shows.
  await changeResources(api, (resources) => {
    resources.account.consultPopover = ['caller', 'pin', 'tier'];
  });
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  const bilal = await openDesk('bilal.khan', [409]);
  const contactId = await aliceOnACall(api, alice.page);
  // Nobody else is Available: nobody to consult (Alice herself never).
  const agentChoices = consultForm(alice.page)
    .getByRole('combobox', { name: 'Agent to consult' })
    .locator('option:not([value=""])');
  await expect(agentChoices).toHaveCount(0);
  await setDesktopState(bilal.page, 'Available');
  await consultBilal(alice.page);
  await expect(consultPanel(alice.page)).toContainText('Asking Bilal Khan');
  await expect(consultPanel(alice.page).getByRole('button', { name: 'Complete transfer' })).toBeDisabled();

  const popover = offers(bilal.page).getByRole('article', { name: 'Offer: Consult from Alice Ng' });
  await expect(popover).toBeVisible();
  expect(await popoverLines(popover)).toEqual([
    ['Agent name', 'Alice Ng'],
    ['Agent DN', '+12125550201'],
    ['Team', 'Support agents'],
    ['Caller name', 'Dana Smith'],
    ['Tier', 'gold'],
  ]);
  await expect(popover).not.toContainText('PIN');
  await expect(popover).not.toContainText(PIN);
  // A consult rings until answered: no ring timer; Bilal is kept from queue offers meanwhile.
  await expect(popover.getByRole('timer')).toHaveCount(0);
  expect(await agentOnService(api, 'bilal.khan')).toMatchObject({
    state: 'Busy',
    offer: null,
    consult: { role: 'consulted', status: 'ringing' },
  });
  // Asked into another agent's call: no call of his own, no state picked by hand meanwhile.
  await expect(bilal.page.getByRole('region', { name: 'Dial pad' })).toHaveCount(0);
  await expect(stateOf(bilal.page).getByLabel('Set state')).toBeDisabled();
  await docScreenshot(bilal.page, 'consult-offer');

  await popover.getByRole('button', { name: 'Accept' }).click();
  const consulted = consultedCall(bilal.page);
  await expect(consulted).toHaveAttribute('data-contact', contactId);
  await expect(consulted.getByRole('heading', { name: 'Consult with Alice Ng' })).toBeVisible();
  await expect(consultPanel(alice.page)).toHaveAttribute('data-status', 'connected');
  await expect(consultPanel(alice.page)).toContainText('Consulting Bilal Khan: the customer is on hold.');
  // Both see the caller's data, the PIN masked on both.
  const aliceCad = connectedCall(alice.page).getByRole('table', { name: 'Call data' });
  const bilalCad = consulted.getByRole('table', { name: 'Call data' });
  await expect(bilalCad.locator('tr[data-variable="pin"] td')).toContainText('•••');
  await expect(bilalCad).not.toContainText(PIN);
  await docScreenshot(alice.page, 'consult');

  // Both edit the caller's name from the same version; Alice saves first.
  const aliceName = aliceCad.getByRole('textbox', { name: 'Caller name' });
  const bilalName = bilalCad.getByRole('textbox', { name: 'Caller name' });
  await expect(bilalName).toHaveValue('Dana Smith');
  await aliceName.fill('Dana Smith (VIP)');
  await bilalName.fill('Dana Smyth');
  await aliceCad
    .getByRole('form', { name: 'Edit Caller name' })
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(alice.page.getByRole('status').filter({ hasText: 'Caller name saved.' })).toBeVisible();
  await bilalCad
    .getByRole('form', { name: 'Edit Caller name' })
    .getByRole('button', { name: 'Save' })
    .click();
  const lost = bilal.page.getByRole('alert').filter({ hasText: 'Someone else saved Caller name first' });
  await expect(lost).toContainText('it is now "Dana Smith (VIP)". Your value was not saved.');
  await expect(lost).toContainText('variable_conflict');
  await expect(bilalName).toHaveValue('Dana Smith (VIP)');
  await docScreenshot(bilal.page, 'save-conflict');
  // What the service holds: the first save, at version 1; Bilal's value is nowhere.
  const stored = await api.call('GET', `/api/contacts/${contactId}`);
  expect(stored.body).toMatchObject({
    variables: { caller: 'Dana Smith (VIP)' },
    variableVersions: { caller: 1 },
  });
  expect(JSON.stringify(stored.body)).not.toContain('Dana Smyth');
  // Saving again from the value now shown goes through, and Alice's desktop shows it at once.
  await bilalName.fill('Dana Smyth (VIP)');
  await bilalCad
    .getByRole('form', { name: 'Edit Caller name' })
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(bilal.page.getByRole('status').filter({ hasText: 'Caller name saved.' })).toBeVisible();
  await expect(aliceName).toHaveValue('Dana Smyth (VIP)');
  expect((await api.call('GET', `/api/contacts/${contactId}`)).body).toMatchObject({
    variables: { caller: 'Dana Smyth (VIP)' },
    variableVersions: { caller: 2 },
  });

  // The warm transfer: the caller goes to Bilal, connected at once; Alice wraps up.
  await consultPanel(alice.page).getByRole('button', { name: 'Complete transfer' }).click();
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'WrapUp');
  await expect(connectedCall(alice.page)).toHaveCount(0);
  const handedOver = connectedCall(bilal.page);
  await expect(handedOver).toHaveAttribute('data-contact', contactId);
  await expect(consultedCall(bilal.page)).toHaveCount(0);
  await expect(handedOver.getByRole('textbox', { name: 'Caller name' })).toHaveValue('Dana Smyth (VIP)');
  const after = await api.call('GET', `/api/contacts/${contactId}`);
  expect(after.body).toMatchObject({ status: 'connected', queue: { agent: 'bilal.khan' } });
  expect(await agentOnService(api, 'bilal.khan')).toMatchObject({ state: 'Busy', contactId, consult: null });
  // Alice is in wrap-up: not someone Bilal may consult.
  await expect(
    consultForm(bilal.page)
      .getByRole('combobox', { name: 'Agent to consult' })
      .locator('option:not([value=""])'),
  ).toHaveCount(0);
});

test('a consult declined by the consulted agent, then one cancelled by the first: the caller stays with the first agent, the other is Available again', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  const bilal = await openDesk('bilal.khan');
  const contactId = await aliceOnACall(api, alice.page);
  await setDesktopState(bilal.page, 'Available');

  await consultBilal(alice.page);
  await offers(bilal.page).getByRole('button', { name: 'Reject' }).click();
  await expect(offers(bilal.page)).toHaveCount(0);
  await expect(stateOf(bilal.page)).toHaveAttribute('data-state', 'Available');
  await expect(consultPanel(alice.page)).toHaveCount(0);
  await expect(consultForm(alice.page)).toBeVisible();
  expect(await agentOnService(api, 'alice.ng')).toMatchObject({ state: 'Busy', contactId, consult: null });

  await consultBilal(alice.page);
  await offers(bilal.page).getByRole('button', { name: 'Accept' }).click();
  await expect(consultedCall(bilal.page)).toBeVisible();
  await consultPanel(alice.page).getByRole('button', { name: 'Cancel consult' }).click();
  await expect(consultedCall(bilal.page)).toHaveCount(0);
  await expect(stateOf(bilal.page)).toHaveAttribute('data-state', 'Available');
  await expect(consultPanel(alice.page)).toHaveCount(0);
  await expect(connectedCall(alice.page)).toHaveAttribute('data-contact', contactId);
  const stored = await api.call('GET', `/api/contacts/${contactId}`);
  expect(stored.body).toMatchObject({ status: 'connected', queue: { agent: 'alice.ng' } });
  expect(await agentOnService(api, 'bilal.khan')).toMatchObject({ state: 'Available', consult: null });
});

test('a consult with a number: cleaned as typed, presented with the number the agent picks and the service’s explanation, then the caller is transferred to it', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  const contactId = await aliceOnACall(api, alice.page);
  const form = consultForm(alice.page);
  await form.getByRole('radio', { name: 'A number' }).check();
  const number = form.getByRole('textbox', { name: 'Number to consult' });
  await number.pressSequentially('+44 20 7946 0000');
  await expect(number).toHaveValue('+442079460000');
  await expect(form.getByRole('alert')).toHaveAttribute('data-reason', 'countryNotAllowed');
  await expect(form.getByRole('button', { name: 'Consult' })).toBeDisabled();
  await number.fill('');
  await number.pressSequentially('(415) 555-0142');
  await expect(number).toHaveValue('4155550142');
  // Only Alice's allowed numbers (flows/resources.json: support, main).
  const consultAs = form.getByRole('combobox', { name: 'Consult as' });
  await expect(consultAs.locator('option:not([value=""])')).toHaveText([
    'Northwind Support (+12125550101)',
    'Northwind Main Line (+12125550100)',
  ]);
  await consultAs.selectOption('main');
  await form.getByRole('button', { name: 'Consult' }).click();

  // A number answers at once; the caller ID shows as the service decided it, with its reason.
  const panel = consultPanel(alice.page);
  await expect(panel).toHaveAttribute('data-status', 'connected');
  await expect(panel).toContainText('Consulting +14155550142');
  const held = (await api.call('GET', '/api/agents/alice.ng')).body as {
    consult: { callerId: { rule: string; number: string; reason: string } };
  };
  expect(held.consult.callerId).toMatchObject({ rule: 'agentChoice', number: '+12125550100' });
  const why = panel.getByRole('note', { name: 'Why this caller ID' });
  await expect(why).toHaveAttribute('data-rule', 'agentChoice');
  await expect(why).toContainText('+12125550100');
  await expect(why).toContainText(held.consult.callerId.reason);
  await docScreenshot(alice.page, 'consult-number');

  await panel.getByRole('button', { name: 'Complete transfer' }).click();
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'WrapUp');
  const log = await api.call('GET', `/api/contacts/${contactId}/log`);
  const dials = (
    log.body as { entries: { type: string; detail: { to?: string; callerId?: string } }[] }
  ).entries.filter((e) => e.type === 'dial');
  expect(dials.at(-1)?.detail).toMatchObject({ to: '+14155550142', callerId: '+12125550100' });
});

test('what rings is what the service offers: while a consult request rings, a waiting call is not offered beside it; once it is declined, the call is', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  const bilal = await openDesk('bilal.khan');
  await aliceOnACall(api, alice.page);
  await setDesktopState(bilal.page, 'Available');
  await consultBilal(alice.page);
  const ringing = offers(bilal.page).getByRole('article');
  await expect(ringing).toHaveCount(1);
  await expect(ringing).toHaveAccessibleName('Offer: Consult from Alice Ng');

  // A second caller waits in the support queue, which Bilal works: the service keeps it queued.
  const waiting = await callWaiting(api);
  await expect
    .poll(async () => ((await api.call('GET', `/api/contacts/${waiting}`)).body as { status: string }).status)
    .toBe('queued');
  expect(await agentOnService(api, 'bilal.khan')).toMatchObject({
    offer: null,
    consult: { status: 'ringing' },
  });
  await expect(ringing).toHaveCount(1);
  await expect(offers(bilal.page).getByRole('navigation', { name: 'Offer pages' })).toHaveCount(0);

  // Declined, the consult ends and the waiting call is offered: one popover again, the call's.
  await ringing.getByRole('button', { name: 'Reject' }).click();
  await expect(ringing).toHaveCount(1);
  await expect(ringing).toHaveAccessibleName('Offer: Technical support');
  expect(await agentOnService(api, 'bilal.khan')).toMatchObject({ offer: { contactId: waiting } });
});

test('the ring timer counts to the offer’s ring-out time on the service’s clock: reloaded mid-ring, it shows the seconds really left', async ({
  api,
  openDesk,
}) => {
  await publishFlow(api, DESK_DEMO);
  const alice = await openDesk('alice.ng');
  await setDesktopState(alice.page, 'Available');
  await callWaiting(api);
  const popover = offers(alice.page).getByRole('article', { name: 'Offer: Technical support' });
  const timer = popover.getByRole('timer', { name: 'Rings for' });
  await expect(timer).toHaveText(/^\d+ s$/);
  // The support queue rings for 20 s; the service's clock moves 12 s on, the browser's does not.
  expect((await api.call('POST', '/api/sim/clock', { body: { skipSeconds: 12 } })).status).toBe(200);
  await alice.page.reload();
  await expect(timer).toHaveText(/^\d+ s$/);
  const shown = Number.parseInt((await timer.innerText()) ?? '', 10);
  // Read after the desktop showed it: what the service has left then is at most what was shown.
  const agent = await agentOnService(api, 'alice.ng');
  const left = Math.ceil((Date.parse(agent.offer?.ringsUntil ?? '') - Date.parse(agent.now)) / 1000);
  expect(shown).toBeLessThanOrEqual(8);
  expect(shown).toBeGreaterThanOrEqual(left);

  // The rest of the ring: RONA, as the timer said.
  expect((await api.call('POST', '/api/sim/clock', { body: { skipSeconds: 9 } })).status).toBe(200);
  await expect(stateOf(alice.page)).toHaveAttribute('data-state', 'RONA');
});
