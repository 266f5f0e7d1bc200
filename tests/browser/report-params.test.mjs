// Báo cáo: the reports that need more than a date ask for it on the page —
// the congress report its term (term=), the review reports (ratings,
// screening, degradation) their round (period=) — and refuse to run
// without it; the table shown is the API's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, login, Api, viInt } from './lib.mjs';

let b, api;
before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
	await login(b.page);
});
after(async () => { await b.close(); });

test('the congress report asks for its term', async () => {
	const { page } = b;
	await page.goto(`${BASE}#/bao-cao`);
	await page.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
	const term = page.getByLabel(/Nhiệm kỳ/);
	const round = page.getByLabel(/^Kỳ/);
	await page.getByLabel('Báo cáo', { exact: true }).selectOption('members');
	assert.equal(await term.isVisible(), false, 'no term for the members report');
	assert.equal(await round.isVisible(), false, 'no round for the members report');
	await page.getByLabel('Báo cáo', { exact: true }).selectOption('ratings');
	assert.equal(await round.isVisible(), true, 'the ratings report asks for its round');
	await page.getByLabel('Báo cáo', { exact: true }).selectOption('congress');
	assert.equal(await term.isVisible(), true, 'the congress report asks for its term');
	await page.getByLabel('Mã tổ chức').fill('QN');
	await page.getByRole('button', { name: 'Xem báo cáo' }).click();
	await page.getByText('Xin nhập nhiệm kỳ, ví dụ 2025-2030.').waitFor();
	assert.equal(await page.locator('table.report').count(), 0, 'nothing run without the term');
	await term.fill('2025-2030');
	await page.getByRole('button', { name: 'Xem báo cáo' }).click();
	const table = page.locator('table.report');
	await table.waitFor();
	const rep = await api.get('/reports/congress?org=QN&term=2025-2030');
	const planned = rep.rows.find((r) => r.org_code === 'QN' && r.indicator === rep.rows[0].indicator);
	assert.ok(planned, 'the API has rows');
	const text = await table.innerText();
	assert.ok(text.includes(viInt(planned.count)), `the table shows ${viInt(planned.count)}`);
	assert.match(page.url(), /term=2025-2030/);
});
