import { join } from 'node:path';
import type { Page } from '@playwright/test';

const IMAGES = join(import.meta.dirname, '../../../docs/images');

/**
 * Writes docs/images/<name>.png when CALLFLOW_DOC_SCREENSHOTS is set (as the Center's tests do), so an
 * ordinary run leaves the committed pictures alone:
 * `CALLFLOW_DOC_SCREENSHOTS=1 npx playwright test specs/readable-canvas.spec.ts specs/versions-review.spec.ts`.
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.CALLFLOW_DOC_SCREENSHOTS) await page.screenshot({ path: join(IMAGES, `${name}.png`) });
}
