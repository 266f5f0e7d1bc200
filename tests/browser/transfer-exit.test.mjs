// The member page's transfer (POST /members/{id}/transfer, QĐ 294-QĐ/TW
// §6.3) and exit actions (POST /members/{id}/exit, QĐ 294-QĐ/TW §8): a
// refusal shows the rule cited next to its field and changes nothing; an
// official transfer inside the database is introduced, then confirmed on
// arrival; a transfer out gives the record to download; a death ends the
// actions; a viewer sees no action at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BASE, openBrowser, login, shot, Api } from './lib.mjs';

let b, api;
const FROM = 'QN.06652.01.01', TO = 'QN.06652.01.02';

async function newMember(id, name) {
	const r = await api.call('POST', '/members', { member_id: id, full_name: name, gender: 'nam',
		birth_date: '1975-05-05', org: FROM, decision_date: '2004-02-20', ceremony_date: '2004-03-01' });
	assert.equal(r.status, 201, r.text);
	return api.get('/members/' + id);
}

async function open(page, m) {
	await page.goto(`${BASE}#/dang-vien/${m.member_id}`);
	await page.getByRole('heading', { name: m.full_name, exact: true }).waitFor();
}

before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
	const r = await api.call('POST', '/users', { login: 'xem-chuyen', password: 'matkhau-xem-chuyen', role: 'viewer', org: 'QN' });
	assert.equal(r.status, 201, r.text);
	await login(b.page);
});
after(async () => { await b.close(); });

test('transfer: a temporary transfer over a year is refused with the rule, an official one introduced then arrived', async () => {
	const { page } = b;
	const m = await newMember('990301QN', 'Đinh Văn Chuyển');
	await open(page, m);
	await page.getByRole('button', { name: 'Chuyển sinh hoạt đảng' }).click();
	const form = page.locator('form[data-form="transfer"]');
	// only what the rules allow now: no arrival without an introduction, no return without leaving
	const offered = await form.getByLabel('Việc').locator('option').evaluateAll((os) => os.map((o) => o.value));
	assert.deepEqual(offered, ['start', 'out', 'temp']);
	await form.getByLabel('Việc').selectOption('temp');
	await form.getByLabel('Từ ngày').fill('20/11/2026');
	await form.getByLabel('Đến ngày').fill('20/11/2028');
	await form.getByLabel(/Chi bộ nơi đến trong đảng bộ/).fill(TO);
	await form.getByRole('button', { name: 'Ghi chuyển sinh hoạt' }).click();
	const err = form.locator('.box.error');
	await err.waitFor();
	assert.match(await err.innerText(), /QĐ 294-QĐ\/TW §6\.3\.2/);
	// the problem sits next to the field the server names
	assert.match(await form.locator('#' + (await form.getByLabel('Đến ngày').getAttribute('id')) + '-err').innerText(), /§6\.3\.2/);
	const same = await api.get('/members/990301QN');
	assert.equal(same.version, m.version);
	await shot(page, 'chuyen-sinh-hoat-tu-choi');
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'chuyen-sinh-hoat-390');
	await page.setViewportSize({ width: 1366, height: 768 });

	await form.getByLabel('Việc').selectOption('start');
	await form.getByLabel('Ngày giới thiệu').fill('20/11/2026');
	await form.getByLabel('Chi bộ nơi đến (mã tổ chức)').fill(TO);
	await form.getByRole('button', { name: 'Ghi chuyển sinh hoạt' }).click();
	await page.locator('.box.ok', { hasText: 'Đã ghi: Giới thiệu chuyển sinh hoạt đảng chính thức' }).waitFor();
	// the introduction is open: the page now offers the arrival, not another introduction
	await page.getByRole('button', { name: 'Chuyển sinh hoạt đảng' }).click();
	const f2 = page.locator('form[data-form="transfer"]');
	const now = await f2.getByLabel('Việc').locator('option').evaluateAll((os) => os.map((o) => o.value));
	assert.ok(now.includes('arrive') && !now.includes('start'), now.join(','));
	await f2.getByLabel('Việc').selectOption('arrive');
	await f2.getByLabel('Ngày đến sinh hoạt').fill('22/11/2026');
	await f2.getByRole('button', { name: 'Ghi chuyển sinh hoạt' }).click();
	await page.locator('.box.ok', { hasText: 'Đã ghi: Xác nhận đã đến sinh hoạt ở chi bộ mới, ngày 22/11/2026.' }).waitFor();
	assert.match(await page.locator('#qua-trinh').innerText(), /22\/11\/2026\s+Chuyển sinh hoạt trong đảng bộ/);
	const after = await api.get('/members/990301QN');
	assert.equal(after.state.org.code, TO);
	assert.ok(after.version > m.version);
});

test('transfer out: the record for the receiving side is downloaded', async () => {
	const { page } = b;
	const m = await newMember('990302QN', 'Phí Văn Đi');
	await open(page, m);
	await page.getByRole('button', { name: 'Chuyển sinh hoạt đảng' }).click();
	const form = page.locator('form[data-form="transfer"]');
	await form.getByLabel('Việc').selectOption('out');
	await form.getByLabel('Ngày giới thiệu').fill('21/11/2026');
	await form.getByLabel('Nơi đến (ngoài đảng bộ)').fill('Đảng bộ tỉnh Hải Dương');
	await form.getByRole('button', { name: 'Ghi chuyển sinh hoạt' }).click();
	const link = page.getByRole('link', { name: /Tải giấy giới thiệu chuyển sinh hoạt/ });
	await link.waitFor();
	await shot(page, 'chuyen-sinh-hoat-ra');
	const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
	assert.equal(dl.suggestedFilename(), 'chuyen-sinh-hoat-990302QN.json');
	const record = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
	assert.match(JSON.stringify(record), /990302QN/);
	assert.match(JSON.stringify(record), /Phí Văn Đi/);
	const now = await api.get('/members/990302QN');
	assert.ok(now.events.some((e) => e.type === 'transfer_out' && e.date === '2026-11-21'));
	assert.equal(now.state.is_member, false);
	// gone from the database: nothing more to transfer or end
	assert.equal(await page.locator('button[data-action="transfer"]').count(), 0);
	assert.equal(await page.locator('button[data-action="exit"]').count(), 0);
});

test('exit: a removal without its ground is refused, a death is recorded', async () => {
	const { page } = b;
	const m = await newMember('990303QN', 'Lã Văn Thôi');
	await open(page, m);
	await page.getByRole('button', { name: 'Ra khỏi Đảng / xóa tên / khai trừ / từ trần' }).click();
	const form = page.locator('form[data-form="exit"]');
	const kinds = await form.getByLabel('Hình thức').locator('option').evaluateAll((os) => os.map((o) => o.value));
	assert.deepEqual(kinds, ['remove', 'expel', 'leave', 'death']);
	await form.getByLabel('Hình thức').selectOption('remove');
	await form.getByLabel('Ngày quyết định').fill('15/11/2026');
	await form.getByRole('button', { name: 'Ghi' }).click();
	const err = form.locator('.box.error');
	await err.waitFor();
	assert.match(await err.innerText(), /QĐ 294-QĐ\/TW §8\.1/);
	const groundId = await form.getByLabel(/Căn cứ xóa tên/).getAttribute('id');
	assert.match(await form.locator(`#${groundId}-err`).innerText(), /§8\.1/);
	assert.equal((await api.get('/members/990303QN')).version, m.version);
	await shot(page, 'ra-khoi-dang-tu-choi');
	await form.getByLabel('Hình thức').selectOption('death');
	await form.getByLabel('Ngày từ trần').fill('16/11/2026');
	await form.getByRole('button', { name: 'Ghi' }).click();
	await page.locator('.box.ok', { hasText: 'Đã ghi: Từ trần, ngày 16/11/2026.' }).waitFor();
	assert.match(await page.locator('#qua-trinh').innerText(), /16\/11\/2026\s+Từ trần/);
	const now = await api.get('/members/990303QN');
	assert.ok(now.events.some((e) => e.type === 'death' && e.date === '2026-11-16'));
	assert.equal(await page.locator('button[data-action="exit"]').count(), 0);
	assert.equal(await page.locator('button[data-action="transfer"]').count(), 0);
});

test('a stale transfer is refused (412) and nothing is written', async () => {
	const { page } = b;
	const m = await newMember('990304QN', 'Tạ Văn Cũ');
	await open(page, m);
	await page.getByRole('button', { name: 'Chuyển sinh hoạt đảng' }).click();
	const form = page.locator('form[data-form="transfer"]');
	await form.getByLabel('Việc').selectOption('start');
	await form.getByLabel('Chi bộ nơi đến (mã tổ chức)').fill(TO);
	const cur = await api.call('GET', '/members/990304QN');
	const r = await api.call('PATCH', '/members/990304QN', { occupation: 'Nông dân' }, { 'If-Match': cur.body.etag });
	assert.equal(r.status, 200);
	await form.getByRole('button', { name: 'Ghi chuyển sinh hoạt' }).click();
	await page.locator('.box.conflict').waitFor();
	const due = await api.get(`/due?org=${FROM}&as_of=2027-11-23`);
	assert.ok(!due.items.some((it) => it.member_id === '990304QN' && ['not_arrived', 'transfer_late'].includes(it.kind)), 'no transfer was introduced');
});

test('a viewer sees the member page without any action', async () => {
	const v = await openBrowser();
	try {
		await login(v.page, 'xem-chuyen', 'matkhau-xem-chuyen');
		await open(v.page, { member_id: '990301QN', full_name: 'Đinh Văn Chuyển' });
		assert.equal(await v.page.getByRole('heading', { name: 'Việc có thể làm tiếp' }).count(), 0);
		assert.equal(await v.page.locator('button[data-action], button[data-event]').count(), 0);
		assert.deepEqual(v.errors, []);
	} finally {
		await v.close();
	}
});

test('no script error on the way', () => {
	assert.deepEqual(b.errors, []);
});
