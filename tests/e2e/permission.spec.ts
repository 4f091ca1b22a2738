import { test, expect, nav } from './fixtures';

// A context that was never given the camera: getUserMedia is refused, as when a person says no.
test.use({ permissions: [] });

test('a refused camera shows what to do, and the gallery and settings still work', async ({ page }) => {
	await page.goto('/');
	const alert = page.getByRole('alert');
	await expect(alert).toBeVisible();
	await expect(alert.getByRole('heading', { name: 'Camera access is blocked' })).toBeVisible();
	await expect(alert).toContainText('Allow');
	await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeDisabled();

	// Retry asks again and, still refused, says so again rather than freezing.
	await alert.getByRole('button', { name: 'Retry' }).click();
	await expect(page.getByRole('alert').getByRole('heading', { name: 'Camera access is blocked' })).toBeVisible();

	await nav(page, 'Gallery').click();
	await expect(page.getByRole('heading', { name: 'Gallery' })).toBeVisible();
	await expect(page.getByText('0 photos', { exact: true })).toBeVisible();

	await nav(page, 'Settings').click();
	await expect(page.getByRole('combobox', { name: /^Camera/ })).toBeVisible();
	await page.getByRole('combobox', { name: /^Photo format/ }).selectOption({ label: 'WebP' });
	await page.reload();
	await expect(page.getByRole('combobox', { name: /^Photo format/ })).toHaveValue('image/webp');
});

test('allowing the camera after a refusal and pressing Retry brings the preview', async ({ page, context, baseURL }) => {
	await page.goto('/');
	await expect(page.getByRole('alert')).toBeVisible();
	await context.grantPermissions(['camera'], { origin: baseURL });
	await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
	await expect(page.getByRole('alert')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeEnabled();
});
