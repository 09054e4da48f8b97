/** The side panel page, driven as a practitioner would: by roles and labels. */
import type { Locator, Page } from 'playwright-core';

export class SidePanel {
  constructor(readonly page: Page) {}

  agreement(itemText: string): Locator {
    return this.page.getByRole('radiogroup', { name: `What was agreed: ${itemText}` });
  }

  async setAgreement(itemText: string, state: 'Agreed' | 'Declined' | 'Not discussed' | 'Not applicable') {
    await this.agreement(itemText).getByRole('radio', { name: state }).check();
  }

  noteFor(itemText: string): Locator {
    return this.page.getByRole('textbox', { name: `Note for: ${itemText}`, exact: true });
  }

  check(itemText: string): Locator {
    return this.page.getByRole('checkbox', { name: itemText });
  }

  async addPerson(side: 'Client side' | 'Practitioner side', role: string, name: string) {
    const form = this.page.getByRole('form', { name: 'Add person' });
    // The form opens on demand, and stays open to note several people.
    const open = this.page.getByRole('button', { name: 'Note someone present' });
    await open.or(form).first().waitFor();
    if (await open.isVisible()) await open.click();
    await form.getByLabel('Side').selectOption({ label: side });
    await form.getByLabel('Role').selectOption({ label: role });
    await form.getByLabel('First name or initial').fill(name);
    await form.getByRole('button', { name: 'Add person' }).click();
  }

  /** Links the session to a client by code, choosing an existing one or creating it. */
  async linkClient(code: string) {
    const form = this.page.getByRole('form', { name: 'Client' });
    // The client is linked in the "Before the call" step, folded once the call is under way.
    const step = this.page.getByText('Before the call', { exact: true });
    await step.waitFor();
    if (!(await form.isVisible())) await step.click();
    await form.getByLabel('Client (pseudonym or case code)').fill(code);
    await form.getByRole('button', { name: 'Link client' }).click();
    const create = form.getByRole('button', { name: `Create client "${code}" and link` });
    const linked = this.page.getByText(`Client: ${code}`);
    await create.or(linked).first().waitFor();
    if (await create.isVisible()) await create.click();
    await linked.waitFor();
  }

  progress(): Locator {
    return this.page.getByText(/^\d+ of \d+ agreed or answered$/);
  }

  async endSession() {
    await this.page.getByRole('button', { name: 'End session' }).click();
    await this.page.getByRole('button', { name: 'Yes, end session' }).click();
  }
}
