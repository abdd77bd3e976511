// Debian's chromium driven by playwright-core, and the accessibility check every page passes.
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserServer,
  type Download,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { answerProblem, documentedAnswer } from '../../apps/server/src/openapi.ts';

/** A page's text with the narrow and non-breaking spaces of French figures made plain spaces. */
export const plain = (text: string | null): string => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

/**
 * The browser the tests drive: `CHROMIUM_PATH`, else Debian's chromium, else one Playwright
 * installed (macOS, Windows); none found is said with the ways to get one.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', chromium.executablePath()];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error(
      'No Chromium found for the browser tests. Install one: `apt-get install chromium` (Debian), ' +
        'or `npx playwright install chromium` (macOS, Windows), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  return found;
}

/** The flags the guide sets for the test machines' chromium. */
const CHROMIUM = {
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** A chromium of this process's own (the screenshots script). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), ...CHROMIUM });
}

/** A chromium other processes connect to (`connectBrowser`): the test run's shared one. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromiumPath(), ...CHROMIUM });
}

/** The test run's shared chromium, launched by `shared-browser.ts`; `close` disconnects. */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

/** The checks of the API answers the pages received, each a problem or null. */
const answerChecks: Promise<string | null>[] = [];

/** The browser let the answer's body go: its page went on to another address, or was closed. */
const BODY_GONE = /No resource with given identifier|has been closed/;

/**
 * How an API answer a page received in full differs from what /api/docs says its route sends, if
 * it does. A request that failed has no answer to judge, nor one whose body the browser let go
 * before it was read.
 */
async function answerCheck(request: Request): Promise<string | null> {
  const response = await request.response();
  const { pathname } = new URL(request.url());
  const status = response?.status() ?? 0;
  const success =
    status >= 200 && status < 300 ? documentedAnswer(request.method(), pathname) : null;
  if (!response || !success) return null;
  const body: unknown = 'answer' in success && status !== 204 ? await response.json() : null;
  return answerProblem(
    `${request.method()} ${pathname}`,
    success,
    status,
    response.headers()['content-type'] ?? '',
    body,
  );
}

/** A page of its own context whose every API answer is checked against /api/docs (decision 0053). */
async function checkedPage(context: BrowserContext): Promise<Page> {
  context.on('requestfinished', (request) => {
    // A check that cannot be made for another reason is told with the test's problems.
    if (new URL(request.url()).pathname.startsWith('/api/'))
      answerChecks.push(
        answerCheck(request).catch((error: unknown) =>
          BODY_GONE.test(String(error))
            ? null
            : `${request.method()} ${request.url()}: not checked, ${String(error)}`,
        ),
      );
  });
  return context.newPage();
}

/** Fails the test whose pages received an API answer other than /api/docs describes. */
export async function expectDocumentedAnswers(): Promise<void> {
  const problems = (await Promise.all(answerChecks.splice(0))).filter((p) => p !== null);
  if (problems.length > 0) throw new Error(problems.join('\n\n'));
}

/** A phone-sized page (360 px wide), as parents use the portal at night. */
export async function phonePage(browser: Browser): Promise<Page> {
  return checkedPage(
    await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' }),
  );
}

/** A desk's screen (1280 × 800), as gestionnaires work through their queues. */
export async function desktopPage(browser: Browser): Promise<Page> {
  return checkedPage(
    await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' }),
  );
}

/** No serious or critical axe-core violation, and nothing wider than the screen. */
export async function expectAccessible(page: Page): Promise<void> {
  // Only the violations are read: axe then works out no selectors for what passed (its API's
  // « Performance » section), a fifth of its time on a staff page here. And axe runs in the page
  // itself (`axe.run`), not in each frame then in a blank page opened to gather them: our pages
  // have no frame from another origin, which is all the latter adds, and it cost 0,3–0,6 s a
  // check (the same violations found either way). Deprecated for axe 5, where this may go.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, page.url()).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, page.url()).toBeLessThanOrEqual(0);
}

/** The link of the newest mail to an address, read from the mail catcher page like a person would. */
export async function linkFromMailCatcher(
  page: Page,
  baseUrl: string,
  address: string,
): Promise<string> {
  await page.goto(`${baseUrl}/dev/mail`);
  const mail = page.locator('article', { hasText: `À : ${address}` }).first();
  return (await mail.locator('a').first().getAttribute('href')) ?? '';
}

interface Confirmation {
  readonly effect: string | RegExp;
  readonly confirm: string | RegExp;
  readonly reason?: string;
}

/**
 * An action that asks for confirmation, done like a person: the button opens a dialog, which
 * must say `effect` and pass axe; Escape is tried first and must leave things as they were; then
 * the reason (when asked) is typed and the dialog's confirming button clicked.
 */
export async function confirmAction(
  page: Page,
  button: string | RegExp,
  confirmation: Confirmation,
): Promise<void> {
  await (await openConfirmation(page, button, confirmation)).click();
  await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
}

/**
 * The same for an action that downloads a file: the download is awaited from the confirming
 * click only, so the dialog's checks (axe is slow on a busy machine) do not eat its time.
 */
export async function confirmDownload(
  page: Page,
  button: string | RegExp,
  confirmation: Confirmation,
): Promise<Download> {
  const confirming = await openConfirmation(page, button, confirmation);
  try {
    const [file] = await Promise.all([page.waitForEvent('download'), confirming.click()]);
    return file;
  } catch (error) {
    // What the page said instead of downloading (a refusal, an error) makes the failure readable.
    const said = await page.getByRole('alert').allTextContents();
    throw new Error(
      `No download after « ${String(confirmation.confirm)} »; the page says: ${said.join(' | ') || 'nothing'}`,
      { cause: error },
    );
  }
}

/** Opens the dialog and checks it, up to the confirming button, which it returns. */
async function openConfirmation(
  page: Page,
  button: string | RegExp,
  { effect, confirm, reason }: Confirmation,
): Promise<Locator> {
  const opener = page.getByRole('button', { name: button, exact: typeof button === 'string' });
  const dialog = page.getByRole('alertdialog');
  await opener.click();
  await dialog.waitFor();
  // The dialog takes the focus once it listens to the keyboard (its effects run after it is
  // shown): Escape pressed before would go nowhere, on a busy machine.
  await page.waitForFunction(() => document.activeElement?.closest('[role="alertdialog"]'));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await opener.click();
  await dialog.getByText(effect).waitFor();
  await expectAccessible(page);
  const confirming = dialog.getByRole('button', { name: confirm });
  if (reason !== undefined) {
    // Confirming without the reason is refused in the dialog, which stays open.
    await confirming.click();
    await dialog.getByText('Indiquez le motif').waitFor();
    await dialog.getByRole('textbox').fill(reason);
  }
  return confirming;
}
