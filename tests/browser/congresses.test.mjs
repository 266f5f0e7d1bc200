// The page "Đại hội" (GET/POST /congresses): the progress of the 2025-2030
// term (run.sh plans four cells of QN.06652.01 and holds three), a plan
// whose convening notice is too late refused with the rule cited (QĐ
// 294-QĐ/TW §11–16) and nothing planned, a plan recorded and counted (in
// the 2030-2035 term, so that the dashboard's 2025-2030 chart the other
// scenarios check stays as run.sh made it); the planning form only for the
// administrator and the organization staff.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, login, shot, Api } from './lib.mjs';

const PARENT = 'QN.06652.01', CELL = 'QN.06652.01.05';
let b, api;

before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
	for (const [u, role, org] of [['bithu-dh', 'secretary', CELL], ['xem-dh', 'viewer', 'QN']]) {
		const r = await api.call('POST', '/users', { login: u, password: 'matkhau-' + u, role, org });
		assert.equal(r.status, 201, r.text);
	}
	await login(b.page, 'canbo', 'matkhau-canbo');
});
after(async () => { await b.close(); });

test('the progress of the term: held over planned, per kind', async () => {
	const { page } = b;
	await page.getByRole('link', { name: 'Đại hội', exact: true }).click();
	await page.getByRole('heading', { name: 'Đại hội', exact: true }).waitFor();
	assert.equal(await page.getByRole('textbox', { name: /Nhiệm kỳ/ }).first().inputValue(), '2025-2030');
	await page.goto(`${BASE}#/dai-hoi?term=2025-2030&org=${PARENT}`);
	const box = page.locator('#tien-do');
	await box.getByText('3 / 4', { exact: true }).waitFor();
	const text = await box.innerText();
	assert.match(text, /Tiến độ đại hội nhiệm kỳ 2025–2030/);
	assert.match(text, /đã tổ chức 3 trên 4 đại hội theo kế hoạch/);
	assert.match(await box.locator('#bang-dai-hoi tbody').innerText(), /Chi bộ trực thuộc\s+4\s+3\s+75,0%/);
	const d = await api.get(`/congresses?term=2025-2030&org=${PARENT}`);
	assert.deepEqual([d.planned, d.held], [4, 3]);
});

test('a notice too late is refused with the rule; a plan in time is counted', async () => {
	const { page } = b;
	await page.goto(`${BASE}#/dai-hoi?term=2030-2035&org=${PARENT}`);
	await page.locator('#tien-do').getByText('Chưa có kế hoạch đại hội nào của nhiệm kỳ này').waitFor();
	const form = page.locator('form[data-form="congress"]');
	assert.equal(await form.getByLabel('Nhiệm kỳ').inputValue(), '2030-2035');
	await form.getByLabel('Tổ chức đảng (mã tổ chức)').fill(CELL);
	await form.getByLabel('Hình thức').selectOption('members');
	await form.getByLabel('Ngày khai mạc dự kiến').fill('10/09/2030');
	await form.getByLabel('Ngày ra thông báo triệu tập').fill('01/09/2030');
	await form.getByRole('button', { name: 'Ghi kế hoạch đại hội' }).click();
	const err = form.locator('.box.error');
	await err.waitFor();
	assert.match(await err.innerText(), /QĐ 294-QĐ\/TW §11–16/);
	const id = await form.getByLabel('Ngày khai mạc dự kiến').getAttribute('id');
	assert.match(await form.locator(`#${id}-err`).innerText(), /30/);
	assert.equal((await api.get(`/congresses?term=2030-2035&org=${PARENT}`)).planned, 0);
	await page.locator('#tien-do').getByText('Chưa có kế hoạch đại hội nào của nhiệm kỳ này').waitFor();
	await shot(page, 'dai-hoi-tu-choi');

	await form.getByLabel('Ngày ra thông báo triệu tập').fill('01/07/2030');
	await form.getByLabel('Bầu trực tiếp bí thư tại đại hội').check();
	await form.getByRole('button', { name: 'Ghi kế hoạch đại hội' }).click();
	await page.locator('.box.ok', { hasText: `Đã ghi kế hoạch: Đại hội đảng viên của ${CELL}, nhiệm kỳ 2030-2035, khai mạc ngày 10/09/2030, thông báo triệu tập ngày 01/07/2030.` }).waitFor();
	await page.locator('#tien-do').getByText('0 / 1', { exact: true }).waitFor();
	assert.match(await page.locator('#bang-dai-hoi tbody').innerText(), /Chi bộ trực thuộc\s+1\s+0\s+0,0%\s+1\s+0/);
	const d = await api.get(`/congresses?term=2030-2035&org=${PARENT}`);
	assert.deepEqual([d.planned, d.held], [1, 0]);
	assert.equal(d.kinds[0].direct_secretary, 1);
	// the current term is as it was
	assert.equal((await api.get(`/congresses?term=2025-2030&org=${PARENT}`)).planned, 4);
	await page.goto(`${BASE}#/dai-hoi?term=2025-2030&org=${PARENT}`);
	await page.locator('#tien-do').getByText('3 / 4', { exact: true }).waitFor();
	await page.setViewportSize({ width: 1280, height: 800 });
	await shot(page, 'dai-hoi-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'dai-hoi-390');
	await page.setViewportSize({ width: 1366, height: 768 });
});

test('a secretary sees the progress but cannot plan', async () => {
	const s = await openBrowser();
	try {
		await login(s.page, 'bithu-dh', 'matkhau-bithu-dh');
		await s.page.goto(`${BASE}#/dai-hoi`);
		await s.page.locator('#tien-do').getByText(`Chưa có kế hoạch đại hội nào của nhiệm kỳ này trong tổ chức ${CELL}.`).waitFor();
		assert.equal(await s.page.locator('form[data-form="congress"]').count(), 0);
		assert.equal(await s.page.getByRole('heading', { name: 'Lập kế hoạch đại hội' }).count(), 0);
		// and the server refuses it too
		const sec = await new Api().login('bithu-dh', 'matkhau-bithu-dh');
		const r = await sec.call('POST', '/congresses', { org: CELL, term: '2025-2030', kind: 'members', planned: '2027-04-01' });
		assert.equal(r.status, 403);
		assert.deepEqual(s.errors, []);
	} finally {
		await s.close();
	}
});

test('a viewer cannot plan either', async () => {
	const v = await openBrowser();
	try {
		await login(v.page, 'xem-dh', 'matkhau-xem-dh');
		await v.page.goto(`${BASE}#/dai-hoi?term=2025-2030&org=${PARENT}`);
		await v.page.locator('#tien-do').getByText('3 / 4', { exact: true }).waitFor();
		assert.equal(await v.page.locator('form[data-form="congress"]').count(), 0);
	} finally {
		await v.close();
	}
});

test('no script error on the way', () => {
	assert.deepEqual(b.errors, []);
});
