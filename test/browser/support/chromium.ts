// Debian's Chromium, headless, driven by playwright-core: flags that keep it from reaching out on a closed network.
import { chromium, type Browser } from 'playwright-core';

/** Without these, Chromium waits on networks it cannot reach (component updates, sync, QUIC) and stalls. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser (playwright gives it a profile of its own, removed on close). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // French, as the workspace.
    args: [...QUIET_FLAGS, '--lang=fr-FR'],
  });
}
