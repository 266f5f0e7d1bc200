// The page "Kết nạp đảng viên" (GET/POST /applicants, POST
// /applicants/{code}/steps): adding an applicant, a step out of order
// refused with the rule cited (QĐ 294-QĐ/TW §4.1) and nothing recorded, a
// step recorded and shown with the next one; a taken code shown next to its
// field; a viewer sees the list without buttons, a secretary only their own
// chi bộ.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, login, shot, Api } from './lib.mjs';

const CELL = 'QN.06652.01.03', OTHER = 'QN.06652.01.04';
let b, api;

before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
	for (const [u, role, org] of [['xem-kn', 'viewer', 'QN'], ['bithu-kn', 'secretary', OTHER]]) {
		const r = await api.call('POST', '/users', { login: u, password: 'matkhau-' + u, role, org });
		assert.equal(r.status, 201, r.text);
	}
	await login(b.page);
});
after(async () => { await b.close(); });

const rowOf = (page, code) => page.locator(`#danh-sach-ket-nap tr[data-code="${code}"]`);

test('adding an applicant puts them on the list with the next step', async () => {
	const { page } = b;
	await page.goto(`${BASE}#/ket-nap?org=${CELL}`);
	await page.getByRole('heading', { name: 'Kết nạp đảng viên', exact: true }).waitFor();
	await page.getByRole('button', { name: '+ Thêm người xin vào Đảng' }).click();
	const form = page.locator('form[data-form="applicant"]');
	await form.getByLabel('Mã người xin vào Đảng').fill('UT-2026-901');
	await form.getByLabel('Họ và tên').fill('Hoàng Thị Ưu Tú');
	await form.getByLabel('Giới tính').selectOption('nữ');
	await form.getByLabel('Ngày sinh').fill('12/3/1998');
	await form.getByLabel('Chi bộ đề nghị').fill(CELL);
	await form.getByLabel('Ngày đưa vào danh sách').fill('05/01/2026');
	await shot(page, 'ket-nap-them');
	await form.getByRole('button', { name: 'Thêm vào danh sách' }).click();
	await page.locator('.box.ok', { hasText: 'Đã thêm Hoàng Thị Ưu Tú (mã UT-2026-901) vào danh sách.' }).waitFor();
	const row = rowOf(page, 'UT-2026-901');
	await row.waitFor();
	const text = await row.innerText();
	assert.match(text, /Hoàng Thị Ưu Tú/);
	assert.match(text, /12\/03\/1998/);
	assert.match(text, /Chưa có bước nào/);
	assert.match(text, /Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng/);
	const list = await api.get(`/applicants?org=${CELL}`);
	const a = list.items.find((x) => x.code === 'UT-2026-901');
	assert.equal(a.birth_date, '1998-03-12');
	assert.equal(a.listed_on, '2026-01-05');
});

test('a taken code is shown next to its field, nothing added', async () => {
	const { page } = b;
	await page.getByRole('button', { name: '+ Thêm người xin vào Đảng' }).click();
	const form = page.locator('form[data-form="applicant"]');
	await form.getByLabel('Mã người xin vào Đảng').fill('UT-2026-901');
	await form.getByLabel('Họ và tên').fill('Người Trùng Mã');
	await form.getByLabel('Ngày sinh').fill('01/01/1999');
	await form.getByLabel('Chi bộ đề nghị').fill(CELL);
	await form.getByRole('button', { name: 'Thêm vào danh sách' }).click();
	await form.locator('.box.error').waitFor();
	const id = await form.getByLabel('Mã người xin vào Đảng').getAttribute('id');
	assert.match(await form.locator(`#${id}-err`).innerText(), /UT-2026-901/);
	const list = await api.get(`/applicants?org=${CELL}`);
	assert.equal(list.items.filter((x) => x.code === 'UT-2026-901').length, 1);
	assert.ok(!list.items.some((x) => x.full_name === 'Người Trùng Mã'));
	await form.getByRole('button', { name: 'Hủy' }).click();
});

test('a step out of order is refused with the rule; a step in order is recorded', async () => {
	const { page } = b;
	const row = rowOf(page, 'UT-2026-901');
	await row.getByRole('button', { name: 'Ghi bước' }).click();
	const form = page.locator('form[data-form="step"]');
	await form.getByLabel('Bước', { exact: true }).selectOption('ceremony');
	await form.locator('input[name="date"]').fill('01/02/2026');
	await form.getByRole('button', { name: 'Ghi bước này' }).click();
	const err = form.locator('.box.error');
	await err.waitFor();
	assert.match(await err.innerText(), /QĐ 294-QĐ\/TW §4\.1/);
	await shot(page, 'ket-nap-tu-choi');
	let a = (await api.get(`/applicants?org=${CELL}`)).items.find((x) => x.code === 'UT-2026-901');
	assert.deepEqual(a.steps, []);
	assert.equal(a.member_id, null);

	await form.getByLabel('Bước', { exact: true }).selectOption('course');
	await form.locator('input[name="date"]').fill('10/02/2026');
	await form.getByLabel('Số văn bản').fill('GCN 45/TTCT');
	await form.getByRole('button', { name: 'Ghi bước này' }).click();
	await page.locator('.box.ok', { hasText: 'Đã ghi: Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng của Hoàng Thị Ưu Tú ngày 10/02/2026.' }).waitFor();
	const text = await rowOf(page, 'UT-2026-901').innerText();
	assert.match(text, /10\/02\/2026 — Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng/);
	assert.match(text, /Đơn xin vào Đảng/);
	assert.match(text, /có giá trị đến 10\/02\/2031/);
	a = (await api.get(`/applicants?org=${CELL}`)).items.find((x) => x.code === 'UT-2026-901');
	assert.deepEqual(a.steps.map((s) => [s.step, s.date, s.ref]), [['course', '2026-02-10', 'GCN 45/TTCT']]);
	assert.equal(a.next, 'application');
	await page.setViewportSize({ width: 1280, height: 800 });
	await shot(page, 'ket-nap-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'ket-nap-390');
	await page.setViewportSize({ width: 1366, height: 768 });
});

test('a viewer sees the list without any button', async () => {
	const v = await openBrowser();
	try {
		await login(v.page, 'xem-kn', 'matkhau-xem-kn');
		await v.page.goto(`${BASE}#/ket-nap?org=${CELL}`);
		await rowOf(v.page, 'UT-2026-901').waitFor();
		assert.equal(await v.page.getByRole('button', { name: '+ Thêm người xin vào Đảng' }).count(), 0);
		assert.equal(await v.page.getByRole('button', { name: 'Ghi bước' }).count(), 0);
		assert.deepEqual(v.errors, []);
	} finally {
		await v.close();
	}
});

test('a secretary works on their own chi bộ only', async () => {
	const s = await openBrowser();
	try {
		await login(s.page, 'bithu-kn', 'matkhau-bithu-kn');
		await s.page.getByRole('link', { name: 'Kết nạp đảng viên' }).click();
		await s.page.getByText('Chưa có người xin vào Đảng nào').waitFor();
		assert.equal(await s.page.getByRole('textbox', { name: /Mã tổ chức/ }).inputValue(), OTHER);
		await s.page.goto(`${BASE}#/ket-nap?org=${CELL}`);
		await s.page.locator('.box.error').waitFor();
		assert.equal(await s.page.locator('#danh-sach-ket-nap').count(), 0);
		// their own chi bộ: they may add
		assert.equal(await s.page.getByRole('button', { name: '+ Thêm người xin vào Đảng' }).count(), 1);
	} finally {
		await s.close();
	}
});

test('no script error on the way', () => {
	assert.deepEqual(b.errors, []);
});
