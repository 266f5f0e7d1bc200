// Việc cần làm: the due and overdue list of the user's organization, from
// the menu; an overdue recognition (QĐ 294-QĐ/TW §4.2.1: the chi bộ
// considers it within 30 working days of the end of probation) shown first,
// in words, with its working days late, and linking to the member page;
// then the member page's two secretary actions: recognition (which clears
// the overdue item) and a badge award (which clears a badge_due item).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, login, shot, Api, viInt } from './lib.mjs';

let b, api;
before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
	await login(b.page);
});
after(async () => { await b.close(); });

test('the due list shows an overdue recognition first and opens the member', async () => {
	const { page } = b;
	// a probationary member of some cell: ceremony 01/09/2025, probation ended
	// 01/09/2026, recognition due by 14/10/2026; today (23/11/2026) that is
	// 28 working days late (15/10 to 23/11/2026, no holiday between)
	const cell = (await api.get('/members?limit=1')).items[0].org.code;
	const r = await api.call('POST', '/members', { member_id: '990001QN', full_name: 'Đỗ Văn Quá', gender: 'nam',
		birth_date: '1995-01-01', org: cell, decision_date: '2025-08-20', ceremony_date: '2025-09-01' });
	assert.equal(r.status, 201, r.text);

	await page.goto(`${BASE}#/tong-quan`);
	await page.locator('nav.menu').getByRole('link', { name: 'Việc cần làm' }).click();
	await page.getByRole('heading', { name: 'Việc cần làm', exact: true }).waitFor();
	const late = page.locator('section.due-part.late');
	await late.waitFor();
	// the overdue part comes first, and says so in words
	const parts = await page.locator('section.due-part h2').allInnerTexts();
	assert.match(parts[0], /^Đã quá hạn \(\d+ việc\)$/);
	const li = late.locator('li', { hasText: 'Đỗ Văn Quá' });
	assert.match(await li.innerText(), /Quá hạn 28 ngày làm việc — hạn 14\/10\/2026/);
	assert.match(await li.innerText(), /QĐ 294-QĐ\/TW §4\.2\.1/);
	assert.match(await late.locator('h3').first().innerText(), /^Quá hạn xét công nhận đảng viên chính thức \(\d+\)$/);
	assert.match(await page.getByRole('status').innerText(), /việc đã quá hạn/);
	// what the page shows is what the API says
	const due = await api.get('/due');
	const said = await page.getByRole('status').innerText();
	assert.ok(said.includes(`${viInt(due.total)} việc, trong đó ${viInt(due.overdue)} việc đã quá hạn`), said);
	// large type, nothing wider than the screen, no leftovers
	const text = await page.locator('body').innerText();
	assert.doesNotMatch(text, /\b(undefined|NaN|null)\b/);
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(wide <= 1366, `nothing wider than the screen (${wide}px)`);
	const size = await li.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
	assert.ok(size >= 18, `item type ${size}px`);
	await shot(page, 'viec-can-lam');
	// the name opens the member page
	await li.getByRole('link', { name: 'Đỗ Văn Quá' }).click();
	await page.getByRole('heading', { name: 'Đỗ Văn Quá', exact: true }).waitFor();
	assert.match(page.url(), /#\/dang-vien\/990001QN$/);
});

test('another organization and day can be chosen', async () => {
	const { page } = b;
	await page.goto(`${BASE}#/viec-can-lam`);
	await page.getByRole('heading', { name: 'Việc cần làm', exact: true }).waitFor();
	await page.getByLabel('Tính đến ngày').fill('14/10/2026');
	await page.getByRole('button', { name: 'Xem', exact: true }).click();
	await page.waitForURL(/as_of=2026-10-14/);
	// on the deadline the recognition is due, not overdue
	const li = page.locator('section.due-part:not(.late) li', { hasText: 'Đỗ Văn Quá' });
	await li.waitFor();
	assert.match(await li.innerText(), /Hạn 14\/10\/2026/);
	assert.equal(await page.locator('section.due-part.late li', { hasText: 'Đỗ Văn Quá' }).count(), 0);
	await page.getByLabel('Mã tổ chức').fill('KHONG.CO');
	await page.getByRole('button', { name: 'Xem', exact: true }).click();
	await page.locator('.box.error').waitFor();
});

test('the member page recognizes the overdue member, and the list no longer shows it', async () => {
	const { page } = b;
	await page.goto(`${BASE}#/dang-vien/990001QN`);
	await page.getByRole('heading', { name: 'Đỗ Văn Quá', exact: true }).waitFor();
	await page.getByRole('button', { name: 'Công nhận chính thức theo nghị quyết, quyết định' }).click();
	const form = page.locator('form[data-form="recognize"]');
	await form.getByLabel('Ngày nghị quyết của chi bộ').fill('20/11/2026');
	await form.getByLabel('Chi bộ biểu quyết tán thành').fill('3/3');
	await form.getByLabel('Đảng ủy cơ sở biểu quyết').fill('5/7');
	await form.getByLabel('Ngày quyết định công nhận').fill('23/11/2026');
	await form.getByLabel('Số quyết định').fill('12-QĐ/ĐU');
	await shot(page, 'cong-nhan');
	await form.getByRole('button', { name: 'Ghi công nhận' }).click();
	await page.locator('.box.ok', { hasText: 'Đã công nhận đảng viên chính thức.' }).waitFor();
	// the resolution came after the 30 working days: recorded, with a warning
	assert.ok(await page.locator('.box.warn', { hasText: 'Lưu ý' }).count() === 1);
	const m = await api.get('/members/990001QN');
	assert.equal(m.state.status, 'official');
	assert.equal(m.state.official_from, '2026-09-01');
	assert.ok(m.events.some((e) => e.type === 'recognize'));
	const due = await api.get('/due');
	assert.ok(!due.items.some((it) => it.member_id === '990001QN'));
});

test('the member page awards a badge that falls due', async () => {
	const { page } = b;
	const due = await api.get('/due');
	const it = due.items.find((x) => x.kind === 'badge_due');
	assert.ok(it, 'a badge falls due in the demo data');
	const years = Number(/Huy hiệu (\d+) năm/.exec(it.note)[1]);
	await page.goto(`${BASE}#/dang-vien/${it.member_id}`);
	await page.getByRole('heading', { name: it.name, exact: true }).waitFor();
	await page.getByRole('button', { name: 'Trao Huy hiệu Đảng (cấp số)' }).click();
	const form = page.locator('form[data-form="badge"]');
	await form.getByLabel('Huy hiệu').selectOption(String(years));
	await form.getByLabel('Ngày trao (đợt)').fill(it.date.split('-').reverse().join('/'));
	await form.getByRole('button', { name: 'Ghi trao huy hiệu' }).click();
	const ok = page.locator('.box.ok', { hasText: `Đã trao Huy hiệu ${years} năm tuổi Đảng, số ` });
	await ok.waitFor();
	const m = await api.get('/members/' + it.member_id);
	assert.ok(m.events.some((e) => e.type === 'badge' && e.date === it.date));
	const after = await api.get('/due');
	assert.ok(!after.items.some((x) => x.kind === 'badge_due' && x.member_id === it.member_id));
});
