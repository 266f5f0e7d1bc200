// The member page: recording an event the rules allow (and seeing the
// timeline change), correcting a fact, and a stale edit refused with 412 and
// shown to the user with who changed what.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, login, shot, Api, memberAllowing } from './lib.mjs';

let b, api, other;
before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
	other = await new Api().login('canbo', 'matkhau-canbo');
	await login(b.page);
});
after(async () => { await b.close(); });

test('recording an allowed event changes the timeline', async () => {
	const { page } = b;
	const m = await memberAllowing(api, 'discipline');
	await page.goto(`${BASE}#/dang-vien/${m.member_id}`);
	await page.getByRole('heading', { name: m.full_name, exact: true }).waitFor();
	// the page offers exactly what the server allows
	const offered = await page.locator('button[data-event]').evaluateAll((bs) => bs.map((x) => x.dataset.event));
	assert.deepEqual(offered, m.allowed_events);
	const before = await page.locator('#qua-trinh li').count();
	await page.getByRole('button', { name: 'Ghi: Kỷ luật' }).click();
	const form = page.locator('form[data-form="event"]');
	await form.getByLabel('Ngày').fill('02/11/2026');
	await form.getByLabel('Hình thức kỷ luật').fill('khiển trách');
	await shot(page, 'ghi-su-kien');
	await form.getByRole('button', { name: 'Ghi lại' }).click();
	await page.locator('.box.ok', { hasText: 'Đã ghi: Kỷ luật ngày 02/11/2026' }).waitFor();
	assert.equal(await page.locator('#qua-trinh li').count(), before + 1);
	assert.match(await page.locator('#qua-trinh').innerText(), /02\/11\/2026\s+Kỷ luật — khiển trách/);
	const now = await api.get('/members/' + m.member_id);
	assert.equal(now.version, m.version + 1);
	assert.ok(now.events.some((e) => e.type === 'discipline' && e.date === '2026-11-02' && e.detail === 'khiển trách'));
	// the history of changes names who did it
	await page.locator('td', { hasText: 'Ghi sự kiện' }).first().waitFor();
	await shot(page, 'ho-so');
});

test('a date that is not a date is refused before anything is sent', async () => {
	const { page } = b;
	await page.getByRole('button', { name: 'Ghi: Kỷ luật' }).click();
	const form = page.locator('form[data-form="event"]');
	await form.getByLabel('Ngày').fill('31/02/2026');
	await form.getByRole('button', { name: 'Ghi lại' }).click();
	assert.match(await form.locator('.err').first().innerText(), /Xin nhập ngày/);
	await form.getByRole('button', { name: 'Hủy' }).click();
});

test('correcting a fact sends only what changed, with If-Match', async () => {
	const { page } = b;
	const id = page.url().split('/').pop();
	const was = await api.get('/members/' + id);
	await page.getByRole('button', { name: 'Sửa thông tin cá nhân' }).click();
	const form = page.locator('form[data-form="edit"]');
	await form.getByLabel('Nghề nghiệp').fill('Kỹ sư cầu đường');
	await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await page.locator('.box.ok', { hasText: 'Đã lưu: Nghề nghiệp' }).waitFor();
	const now = await api.get('/members/' + id);
	assert.equal(now.occupation, 'Kỹ sư cầu đường');
	assert.equal(now.hometown, was.hometown);
	assert.equal(now.version, was.version + 1);
});

test('a stale edit is refused (412) and the page says who changed what', async () => {
	const { page } = b;
	const id = page.url().split('/').pop();
	await page.getByRole('button', { name: 'Sửa thông tin cá nhân' }).click();
	const form = page.locator('form[data-form="edit"]');
	await form.getByLabel('Nghề nghiệp').fill('Giáo viên');
	// meanwhile someone else changes the hometown
	const cur = await other.call('GET', '/members/' + id);
	const r = await other.call('PATCH', '/members/' + id, { hometown: 'Thành phố Hạ Long' }, { 'If-Match': cur.body.etag });
	assert.equal(r.status, 200);
	await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
	const box = page.locator('.box.conflict');
	await box.waitFor();
	const text = await box.innerText();
	assert.match(text, /vừa được người khác sửa/);
	assert.match(text, /Người sửa: canbo/);
	assert.match(text, /Quê quán/);
	assert.match(text, /Thành phố Hạ Long/);
	await shot(page, 'xung-dot');
	const now = await api.get('/members/' + id);
	assert.equal(now.occupation, 'Kỹ sư cầu đường', 'nothing of the stale edit was written');
	// reloading shows the other person's change
	await box.getByRole('button', { name: 'Tải lại hồ sơ mới nhất' }).click();
	await page.locator('dd', { hasText: 'Thành phố Hạ Long' }).waitFor();
});

test('no script error on the way', () => {
	assert.deepEqual(b.errors, []);
});
