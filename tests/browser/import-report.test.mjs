// Importing a file with errors (every problem in a table: file, line,
// column, message; nothing imported), then a good one; running a report and
// downloading it as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE, openBrowser, login, shot, Api, viInt } from './lib.mjs';

let b, api, dir;
before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
	dir = fs.mkdtempSync(path.join(process.env.TMP, 'files-'));
	await login(b.page);
});
after(async () => { await b.close(); });

test('a file with errors shows the problems table and imports nothing', async () => {
	const { page } = b;
	// a cell of the demo data to put the new members in
	const cell = (await api.get('/members?q=nguyen&limit=1')).items[0].org.code;
	const bad = path.join(dir, 'dang_vien_loi.csv');
	fs.writeFileSync(bad,
		'member_id,full_name,gender,birth_date,ethnicity,org_code,decision_date,status\n' +
		`WEB0001,Lê Thị Hoa,nữ,1990-13-01,Kinh,${cell},2020-01-01,official\n` +
		'WEB0002,Phạm Văn Nam,nam,1985-02-03,Kinh,QN.KHONG.CO,2019-01-01,official\n');
	await page.getByRole('link', { name: 'Nhập dữ liệu' }).click();
	await page.getByRole('heading', { name: 'Nhập dữ liệu' }).waitFor();
	await page.locator('input[name="members"]').setInputFiles(bad);
	await page.getByRole('button', { name: /Bước 1/ }).click();
	const table = page.locator('table.problems');
	await table.waitFor();
	const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.innerText)));
	assert.equal(rows.length, 2);
	assert.deepEqual(rows[0].slice(0, 3), ['dang_vien_loi.csv', '2', 'Ngày sinh (birth_date)']);
	assert.match(rows[0][3], /không phải là một ngày/);
	assert.deepEqual(rows[1].slice(0, 3), ['dang_vien_loi.csv', '3', 'Mã tổ chức (org_code)']);
	assert.match(rows[1][3], /QN\.KHONG\.CO/);
	assert.match(await page.locator('.box.error').innerText(), /Chưa nhập gì/);
	assert.ok(await page.getByRole('button', { name: /Bước 2/ }).isDisabled(), 'no import after a failed check');
	await shot(page, 'nhap-loi');
	const r = await api.call('GET', '/members/WEB0001');
	assert.equal(r.status, 404);

	// the corrected file: check, then import
	const good = path.join(dir, 'dang_vien.csv');
	fs.writeFileSync(good,
		'member_id,full_name,gender,birth_date,ethnicity,org_code,decision_date,status\n' +
		`WEB0001,Lê Thị Hoa,nữ,1990-12-01,Kinh,${cell},2020-01-01,official\n`);
	await page.locator('input[name="members"]').setInputFiles(good);
	await page.getByRole('button', { name: /Bước 1/ }).click();
	await page.locator('.box.ok', { hasText: 'Kiểm tra xong: không có lỗi' }).waitFor();
	assert.equal((await api.call('GET', '/members/WEB0001')).status, 404, 'the check writes nothing');
	await page.getByRole('button', { name: /Bước 2/ }).click();
	await page.locator('.box.ok', { hasText: 'Đã nhập xong' }).waitFor();
	await shot(page, 'nhap-xong');
	const m = await api.get('/members/WEB0001');
	assert.equal(m.full_name, 'Lê Thị Hoa');
	assert.equal(m.org, cell);
});

test('a report is shown as a table and downloaded as CSV', async () => {
	const { page } = b;
	await page.getByRole('link', { name: 'Báo cáo' }).click();
	await page.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
	await page.getByLabel('Báo cáo', { exact: true }).selectOption('members');
	await page.getByLabel('Mã tổ chức').fill('QN');
	await page.getByLabel('Gồm').selectOption('1');
	await page.getByRole('button', { name: 'Xem báo cáo' }).click();
	const table = page.locator('table.report');
	await table.waitFor();
	const rep = await api.get('/reports/members?org=QN&depth=1');
	const total = rep.rows.find((r) => r.indicator === 'total' && r.org_code === 'QN').count;
	const first = await table.locator('tbody tr').nth(1).innerText();
	assert.match(first, /Tổng số đảng viên/);
	assert.ok(first.includes(viInt(total)), `the total ${viInt(total)} is in the table`);
	const groups = await table.locator('tr.group').count();
	assert.equal(groups, new Set(rep.rows.map((r) => r.org_code)).size, 'one group per organization');
	await shot(page, 'bao-cao');

	const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về CSV' }).click()]);
	const file = path.join(dir, 'bao_cao.csv');
	await dl.saveAs(file);
	const csv = fs.readFileSync(file, 'utf8');
	const want = await api.call('GET', '/reports/members?org=QN&depth=1&format=csv');
	assert.equal(csv, want.text, 'the download is the API\'s CSV');
	assert.match(csv.split('\n')[0], /org_code/);
	assert.ok(csv.includes(`QN,`) && csv.includes(String(total)), 'the CSV has the total');

	const [x] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về Excel (XLSX)' }).click()]);
	const xf = path.join(dir, 'bao_cao.xlsx');
	await x.saveAs(xf);
	assert.equal(fs.readFileSync(xf).subarray(0, 2).toString(), 'PK', 'an XLSX is a zip');

	const [p] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về PDF' }).click()]);
	const pf = path.join(dir, 'bao_cao.pdf');
	await p.saveAs(pf);
	assert.equal(fs.readFileSync(pf).subarray(0, 5).toString(), '%PDF-', 'the download is a PDF');
});

test('no script error on the way', () => {
	assert.deepEqual(b.errors, []);
});
