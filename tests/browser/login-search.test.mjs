// Logging in (a wrong password first, then the right one) and finding a
// member by typing a name without diacritics, then opening the member page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, login, shot, Api, viInt, plain } from './lib.mjs';

let b, api;
before(async () => {
	b = await openBrowser();
	api = await new Api().login('admin', 'matkhau-admin');
});
after(async () => { await b.close(); });

test('a wrong password is refused in Vietnamese, the right one opens the dashboard', async () => {
	const { page } = b;
	await page.goto(BASE);
	await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
	await shot(page, 'dang-nhap');
	await page.getByLabel('Tên đăng nhập').fill('admin');
	await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	const alert = page.locator('.box.error');
	await alert.waitFor();
	assert.match(await alert.innerText(), /Sai tên đăng nhập hoặc mật khẩu/);
	assert.equal(await page.locator('nav.menu').count(), 0, 'no menu before a good login');
	await shot(page, 'dang-nhap-sai');

	await page.getByLabel('Mật khẩu').fill('matkhau-admin');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
	// the total, written the Vietnamese way, equals the report's
	const rep = await api.get('/reports/members?org=QN');
	const total = rep.rows.find((r) => r.indicator === 'total').count;
	assert.ok(total > 1000);
	const kpi = page.locator('.kpi', { hasText: 'Tổng số đảng viên' });
	await kpi.waitFor();
	assert.match(await kpi.innerText(), new RegExp(viInt(total).replace(/\./g, '\\.')));
	// the charts are inline SVG, with their numbers written on them
	const female = rep.rows.find((r) => r.indicator === 'female');
	const svgText = await page.locator('section.chart svg').first().textContent();
	assert.ok(svgText.includes(`${viInt(female.count)} (${female.percent_text})`), `chart shows ${female.percent_text}`);
	// the congresses of the current term (three of four cells held, set up by run.sh)
	const congress = page.locator('section.chart', { hasText: 'Tiến độ đại hội nhiệm kỳ 2025–2030' });
	await congress.waitFor();
	assert.match(await congress.innerText(), /Đã tổ chức 3 trên 4 đại hội theo kế hoạch/);
	assert.match(await congress.locator('svg').last().textContent(), /Chi bộ trực thuộc: 3\/4/);
	// the quality ratings of last year's round (nine base organizations, set up by run.sh)
	const ratings = page.locator('section.chart', { hasText: 'Xếp loại chất lượng tổ chức cơ sở đảng năm 2025' });
	await ratings.waitFor();
	assert.match(await ratings.innerText(), /9 tổ chức cơ sở đảng được xếp loại/);
	const rtText = await ratings.locator('svg').last().textContent();
	assert.ok(rtText.includes('2 (22,22%)') && rtText.includes('5 (55,56%)'), `ratings chart: ${rtText}`);
	await shot(page, 'tong-quan');
});

test('a session survives a reload (the CSRF token comes back from /me)', async () => {
	const { page } = b;
	await page.reload();
	await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
	assert.match(await page.locator('header.top').innerText(), /admin/);
});

test('search as you type ignores diacritics and opens the member page', async () => {
	const { page } = b;
	// a member whose name carries diacritics
	const list = await api.get('/members?q=' + encodeURIComponent('Nguyễn Thị') + '&limit=5');
	const target = list.items[0];
	assert.notEqual(plain(target.full_name), target.full_name.toLowerCase(), 'the name has diacritics');
	await page.getByRole('link', { name: 'Tìm đảng viên' }).click();
	await page.getByRole('heading', { name: 'Tìm đảng viên' }).waitFor();
	const box = page.getByLabel('Họ tên hoặc tên gọi');
	await box.pressSequentially(plain(target.full_name), { delay: 30 });
	const link = page.locator(`ul.results a[href="#/dang-vien/${target.member_id}"]`);
	await link.waitFor();
	assert.match(await page.getByRole('status').first().innerText(), /Tìm thấy/);
	await shot(page, 'tim-kiem');
	await link.click();
	await page.getByRole('heading', { name: target.full_name, exact: true }).waitFor();
	assert.match(await page.locator('main').innerText(), new RegExp(`Số lý lịch ${target.member_id}`));
	assert.match(await page.locator('#qua-trinh').innerText(), /\d\d\/\d\d\/\d{4}/, 'the timeline has dates dd/mm/yyyy');
});

test('no script error on the way', () => {
	assert.deepEqual(b.errors, []);
});
