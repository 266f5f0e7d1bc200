// Counting an election from the paper totals: live results from the
// server's counting engine (QĐ 190-QĐ/TW Điều 30: elected with more than
// half of the base, convened minus the exclusions), who is elected, a tie
// never broken, and the minutes as a PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { BASE, openBrowser, login, shot } from './lib.mjs';

let b;
before(async () => {
	b = await openBrowser();
	await login(b.page);
});
after(async () => { await b.close(); });

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'];

test('paper totals: results as you type, who is elected', async () => {
	const { page } = b;
	await page.getByRole('link', { name: 'Bầu cử' }).click();
	await page.getByRole('heading', { name: 'Kiểm phiếu bầu cử' }).waitFor();
	await page.getByLabel('Số lượng cần bầu').fill('3');
	await page.getByLabel(/Số được triệu tập/).fill('11');
	await page.getByLabel('Vắng mặt suốt đại hội, có lý do được chấp thuận').fill('1');
	const add = page.getByRole('button', { name: '+ Thêm người vào danh sách' });
	await add.click();
	await add.click();
	for (let i = 0; i < NAMES.length; i++) await page.getByLabel(`Họ tên người thứ ${i + 1}`).fill(NAMES[i]);
	await page.getByLabel('Số phiếu phát ra').fill('10');
	await page.getByLabel('Số phiếu thu về').fill('10');
	await page.getByLabel('Số phiếu hợp lệ').fill('9');
	await page.getByLabel('Số phiếu không hợp lệ').fill('1');
	const votes = [9, 6, 5, 7];
	for (let i = 0; i < NAMES.length; i++) await page.getByLabel(`${i + 1}. ${NAMES[i]}`).fill(String(votes[i]));
	const result = page.locator('#ket-qua table.election-result');
	await result.waitFor();
	const rows = await result.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.innerText)));
	assert.deepEqual(rows, [
		['Nguyễn Văn An', '9', '90,00%', 'Trúng cử'],
		['Trần Thị Bình', '6', '60,00%', 'Trúng cử'],
		['Lê Văn Cường', '5', '50,00%', 'Không trúng cử'], // 5 of base 10 is not more than half
		['Phạm Thị Dung', '7', '70,00%', 'Trúng cử'],
	]);
	const elected = await page.locator('#ket-qua ol.elected-list li').allInnerTexts();
	assert.deepEqual(elected.map((t) => t.split(' — ')[0]), ['Nguyễn Văn An', 'Phạm Thị Dung', 'Trần Thị Bình']);
	const facts = await page.locator('#ket-qua dl').innerText();
	assert.match(facts, /Cơ sở tính kết quả\s+10/);
	assert.match(facts, /Trúng cử khi được từ\s+6 phiếu/);
	await shot(page, 'bau-cu');
});

test('a tie at the last seat is shown, not broken', async () => {
	const { page } = b;
	await page.getByLabel(`1. ${NAMES[0]}`).fill('8');
	await page.getByLabel(`3. ${NAMES[2]}`).fill('6');
	await page.locator('#ket-qua .box.warn', { hasText: 'Bằng phiếu ở chỗ cuối' }).waitFor();
	const text = await page.locator('#ket-qua').innerText();
	assert.match(text, /Trần Thị Bình, Lê Văn Cường/);
	assert.match(text, /bầu tiếp/);
});

test('an impossible count is explained, field by field', async () => {
	const { page } = b;
	await page.getByLabel(`1. ${NAMES[0]}`).fill('12');
	const box = page.locator('#ket-qua .box.error');
	await box.waitFor();
	assert.match(await box.innerText(), /Số phiếu của Nguyễn Văn An/);
	await shot(page, 'bau-cu-loi');
	await page.getByLabel(`1. ${NAMES[0]}`).fill('9');
	await page.getByLabel(`3. ${NAMES[2]}`).fill('5');
	await page.locator('#ket-qua table.election-result').waitFor();
});

test('the minutes come as a PDF naming the elected', async () => {
	const { page } = b;
	await page.getByLabel('Tên tổ chức').fill('Chi bộ Khu 3');
	await page.getByLabel('Tên đại hội').fill('Đại hội Chi bộ Khu 3 lần thứ XV, nhiệm kỳ 2025–2030');
	await page.getByLabel('Họ tên thành viên Ban kiểm phiếu thứ 1').fill('Đỗ Văn Em');
	await page.getByRole('button', { name: 'Tạo biên bản kiểm phiếu (PDF)' }).click();
	const link = page.getByRole('link', { name: 'Tải biên bản (PDF) về máy' });
	await link.waitFor();
	const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
	const file = path.join(process.env.TMP, 'bien_ban.pdf');
	await dl.saveAs(file);
	const pdf = fs.readFileSync(file);
	assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
	let text = null;
	try { text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }); } catch (err) { text = null; }
	if (text !== null) {
		assert.match(text, /BIÊN BẢN KIỂM PHIẾU/);
		assert.match(text, /Chi bộ Khu 3/);
		for (const n of ['Nguyễn Văn An', 'Phạm Thị Dung', 'Trần Thị Bình']) assert.ok(text.includes(n), `the minutes name ${n}`);
	}
	await shot(page, 'bien-ban');
});

test('what was typed survives a reload', async () => {
	const { page } = b;
	await page.reload();
	await page.locator('#ket-qua table.election-result').waitFor();
	assert.equal(await page.getByLabel('Họ tên người thứ 4').inputValue(), 'Phạm Thị Dung');
});

test('no script error on the way', () => {
	assert.deepEqual(b.errors, []);
});
