/** The aftercare page, driven by roles and labels. */
import type { Page } from 'playwright-core';

export class AftercarePage {
  constructor(readonly page: Page) {}

  async chooseClientSeemed(option: 'Settled' | 'Unsure' | 'Worried') {
    await this.page
      .getByRole('radiogroup', { name: 'How the client seemed at the end' })
      .getByRole('radio', { name: option })
      .check();
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async save() {
    await this.page.getByRole('button', { name: /^(Save and complete|Save changes)$/ }).click();
  }

  status() {
    return this.page.getByRole('status').filter({ hasText: /Draft kept|Saved and complete/ });
  }

  record() {
    return this.page.getByRole('complementary');
  }
}
