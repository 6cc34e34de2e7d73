// axe-core on a page as it is shown, and the HTML content model axe leaves out: the violations, each with its elements.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Blocks inside phrasing content (`a` is transparent, so not listed): invalid HTML that axe lets pass. */
const BLOCK_IN_PHRASING = ['span', 'label', 'button', 'strong', 'em']
  .map((phrasing) => `${phrasing} :is(p, div, ul, ol, table, section, h1, h2, h3, h4, h5, h6)`)
  .join(', ');

async function blocksInPhrasing(page: Page): Promise<string[]> {
  const misplaced = await page
    .locator(BLOCK_IN_PHRASING)
    .evaluateAll((elements) =>
      elements.map((element) => `${element.parentElement?.tagName.toLowerCase()} > ${element.outerHTML.slice(0, 120)}`),
    );
  return misplaced.map((element) => `block-in-phrasing (serious): a block inside phrasing content at ${element}`);
}

/** The serious and critical violations of WCAG 2.1 A and AA (and best practices) on the page, described. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const axeViolations = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  return [...axeViolations, ...(await blocksInPhrasing(page))];
}
