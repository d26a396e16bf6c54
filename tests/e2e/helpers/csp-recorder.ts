/** Records every Content-Security-Policy violation a page reports, from the event and the console. */
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export interface CspRecorder {
  violations(): Promise<string[]>;
}

export async function recordCspViolations(page: Page): Promise<CspRecorder> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) {
      console.push(`console: ${message.text()}`);
    }
  });
  // Injected by the browser driver, so it runs before the page's own scripts and is not itself under the CSP.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return {
    violations: async () => [...console, ...(await page.evaluate(() => window.__cspViolations ?? []))],
  };
}
