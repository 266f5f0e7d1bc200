// The member page's lifecycle actions through their own routes: discipline
// (POST /members/{id}/discipline; a probationary member may only be
// reprimanded or warned, QĐ 296-QĐ/TW Điều 9, 16.3) and exemption (POST
// /members/{id}/exempt; a term is needed but for age and health, QĐ
// 294-QĐ/TW §7). A refusal shows the rule and changes nothing; a success
// shows on the page and in the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, login, shot, Api } from './lib.mjs';

let b, api;
before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
	await login(b.page);
});
after(async () => { await b.close(); });

test('discipline: a refusal cites the rule, a reprimand is recorded', async () => {
	const { page } = b;
	// a probationary member of some cell (ceremony 01/03/2026)
	const cell = (await api.get('/members?limit=1')).items[0].org.code;
	const r = await api.call('POST', '/members', { member_id: '990201QN', full_name: 'Mạc Văn Kỷ', gender: 'nam',
		birth_date: '1996-04-04', org: cell, decision_date: '2026-02-20', ceremony_date: '2026-03-01' });
	assert.equal(r.status, 201, r.text);
	const was = await api.get('/members/990201QN');
	assert.equal(was.state.status, 'probationary');
	await page.goto(`${BASE}#/dang-vien/990201QN`);
	await page.getByRole('heading', { name: 'Mạc Văn Kỷ', exact: true }).waitFor();
	await page.getByRole('button', { name: 'Thi hành kỷ luật theo quyết định' }).click();
	const form = page.locator('form[data-form="discipline"]');
	await form.getByLabel('Hình thức').selectOption('dismissal');
	await form.getByLabel('Ngày quyết định').fill('10/11/2026');
	await form.getByRole('button', { name: 'Ghi kỷ luật' }).click();
	const err = form.locator('.box.error');
	await err.waitFor();
	assert.match(await err.innerText(), /QĐ 296-QĐ\/TW/);
	assert.equal((await api.get('/members/990201QN')).version, was.version);
	await shot(page, 'ky-luat-tu-choi');
	await form.getByLabel('Hình thức').selectOption('reprimand');
	await form.getByLabel('Lý do').fill('vắng họp ba kỳ');
	await form.getByRole('button', { name: 'Ghi kỷ luật' }).click();
	await page.locator('.box.ok', { hasText: 'Đã ghi kỷ luật: Khiển trách.' }).waitFor();
	assert.match(await page.locator('#qua-trinh').innerText(), /10\/11\/2026\s+Kỷ luật/);
	const now = await api.get('/members/990201QN');
	assert.equal(now.version, was.version + 1);
	assert.ok(now.events.some((e) => e.type === 'discipline' && e.date === '2026-11-10'));
});

test('exemption: abroad without a term is refused, with a term recorded', async () => {
	const { page } = b;
	const cell = (await api.get('/members?limit=1')).items[0].org.code;
	const r = await api.call('POST', '/members', { member_id: '990202QN', full_name: 'Lưu Thị Miễn', gender: 'nữ',
		birth_date: '1980-06-06', org: cell, decision_date: '2005-02-20', ceremony_date: '2005-03-01' });
	assert.equal(r.status, 201, r.text);
	const was = await api.get('/members/990202QN');
	await page.goto(`${BASE}#/dang-vien/990202QN`);
	await page.getByRole('heading', { name: 'Lưu Thị Miễn', exact: true }).waitFor();
	await page.getByRole('button', { name: 'Miễn công tác và sinh hoạt đảng' }).click();
	const form = page.locator('form[data-form="exempt"]');
	await form.getByLabel('Lý do miễn').selectOption('abroad');
	await form.getByLabel('Từ ngày').fill('01/11/2026');
	await form.getByRole('button', { name: 'Ghi miễn sinh hoạt' }).click();
	const err = form.locator('.box.error');
	await err.waitFor();
	assert.match(await err.innerText(), /QĐ 294-QĐ\/TW §7/);
	assert.equal((await api.get('/members/990202QN')).version, was.version);
	await form.getByLabel('Đến ngày').fill('31/10/2027');
	await form.getByRole('button', { name: 'Ghi miễn sinh hoạt' }).click();
	await page.locator('.box.ok', { hasText: 'Đã ghi miễn công tác và sinh hoạt đảng.' }).waitFor();
	await shot(page, 'mien-sinh-hoat');
	const now = await api.get('/members/990202QN');
	assert.ok(now.events.some((e) => e.type === 'exempt_start' && e.date === '2026-11-01'));
	// the page offers ending it now, not starting another
	assert.equal(await page.getByRole('button', { name: 'Miễn công tác và sinh hoạt đảng' }).count(), 0);
});
