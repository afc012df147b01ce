import { defineConfig } from '@playwright/test';

// End-to-end tests in Debian's headless Chromium against a real all-in-one lake, which e2e/global-setup.ts starts
// (or the lake at ZONELAKE_E2E_URL). Desktop tests at 1280×800; *.phone.spec.ts at a phone's width.
const chromium = {
  executablePath: process.env.ZONELAKE_E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // One lake on two cores: tests run one after the other; pipelines make some waits long.
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'target/e2e-results.xml' }]] : 'list',
  outputDir: 'target/e2e-output',
  use: {
    browserName: 'chromium',
    launchOptions: chromium,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', testIgnore: /\.phone\.spec\.ts$/, use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', testMatch: /\.phone\.spec\.ts$/, use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  ],
});
