import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Serious and critical axe violations on the page as it is now, one line each. */
export async function violations(page: Page): Promise<string[]> {
	const { violations, passes } = await new AxeBuilder({ page }).analyze();
	// It did check the page (an axe that ran no rule would find nothing wrong).
	expect(passes.length).toBeGreaterThan(10);
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
