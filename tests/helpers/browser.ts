import { chromium, type Browser, type Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { PASSWORD } from './fixtures';
import { startStrapi, stopStrapi } from './strapi';

/** One Strapi per browser test file, serving the built admin panel on a free port. */
export const startAdminStrapi = (label: string): Promise<Core.Strapi> => {
  process.env.PORT = '0';
  return startStrapi(label, { serveAdminPanel: true });
};

export const stopAdminBrowser = async (browser: Browser | undefined, strapi: Core.Strapi | undefined) => {
  await browser?.close();
  await stopStrapi(strapi);
  delete process.env.PORT;
};

/** Starts the app's HTTP server and Debian's headless chromium (flags for this sandbox) on a fresh page. */
export const openAdminBrowser = async (strapi: Core.Strapi): Promise<{ browser: Browser; page: Page; base: string }> => {
  await strapi.listen();
  const base = `http://127.0.0.1:${(strapi.server.httpServer.address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  return { browser, page, base };
};

export const logIn = async (page: Page, base: string, email: string) => {
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60000 });
};
