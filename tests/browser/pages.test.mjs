// Every page opens at 1366×768 with no script error, in Vietnamese (no
// "undefined", "NaN", "null" or leftover English), with text at least 18px
// and nothing wider than the screen; keyboard focus is visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, login, shot } from './lib.mjs';

let b;
before(async () => {
	b = await openBrowser();
	await login(b.page);
});
after(async () => { await b.close(); });

const PAGES = [
	['tong-quan', 'Tổng quan'],
	['to-chuc/QN', 'Cây tổ chức'],
	['tim-kiem?q=tran', 'Tìm đảng viên'],
	['nhap-du-lieu', 'Nhập dữ liệu'],
	['bao-cao?report=members&org=QN&depth=1&run=1', 'Báo cáo'],
	['bau-cu', 'Kiểm phiếu bầu cử'],
	['ket-nap?org=QN.06652', 'Kết nạp đảng viên'],
	['dai-hoi?term=2025-2030&org=QN.06652', 'Đại hội'],
	['nguoi-dung', 'Người dùng'],
	['mat-khau', 'Đổi mật khẩu'],
];
const LEFTOVERS = /\b(undefined|NaN|null|Choose File|No file chosen|Loading|Error)\b/;

for (const [hash, title] of PAGES) {
	test(`page ${title}`, async () => {
		const { page } = b;
		await page.goto(`${BASE}#/${hash}`);
		await page.getByRole('heading', { name: title, exact: true }).waitFor();
		await page.waitForLoadState('networkidle');
		const text = await page.locator('body').innerText();
		assert.doesNotMatch(text, LEFTOVERS);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(wide <= 1366, `nothing wider than the screen (${wide}px)`);
		const base = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize));
		assert.ok(base >= 18, `base type ${base}px`);
		const small = await page.evaluate(() => [...document.querySelectorAll('main button, main a.btn, nav a')]
			.filter((e) => e.offsetParent && e.getBoundingClientRect().height < 36).map((e) => e.textContent));
		assert.deepEqual(small, [], 'buttons are big enough to hit');
		await shot(page, hash.split(/[/?]/)[0]);
	});
}

test('the member page of a member and the keyboard', async () => {
	const { page } = b;
	await page.goto(`${BASE}#/tim-kiem`);
	await page.getByLabel('Họ tên hoặc tên gọi').fill('le van');
	await page.locator('ul.results a').first().waitFor();
	// the keyboard reaches the first result and opens it
	await page.locator('ul.results a').first().focus();
	await page.keyboard.press('Enter');
	await page.locator('#qua-trinh').waitFor();
	const outline = await page.evaluate(() => {
		const b = document.querySelector('main button');
		b.focus();
		return getComputedStyle(b).outlineStyle;
	});
	assert.notEqual(outline, 'none', 'focus is visible');
	assert.doesNotMatch(await page.locator('body').innerText(), LEFTOVERS);
	await shot(page, 'dang-vien');
});

test('no script error on the way', () => {
	assert.deepEqual(b.errors, []);
});
