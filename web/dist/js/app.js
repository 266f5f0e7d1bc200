// app: the frame of the web UI — who is logged in, the menu, and which page
// the address (#/...) shows. Every page is a module in pages/ exporting
// render(main, params) that fills the main area.

import { api, session, ApiError } from './api.js';
import { h, fill, errorBox } from './ui.js';

const pages = [
	{ path: /^\/dang-nhap$/, load: () => import('./pages/login.js'), title: 'Đăng nhập', bare: true },
	{ path: /^\/?$/, load: () => import('./pages/dashboard.js'), menu: 'tong-quan' },
	{ path: /^\/tong-quan$/, load: () => import('./pages/dashboard.js'), menu: 'tong-quan' },
	{ path: /^\/to-chuc(?:\/([^/]+))?$/, load: () => import('./pages/tree.js'), menu: 'to-chuc' },
	{ path: /^\/tim-kiem$/, load: () => import('./pages/search.js'), menu: 'tim-kiem' },
	{ path: /^\/dang-vien\/([^/]+)$/, load: () => import('./pages/member.js'), menu: 'tim-kiem' },
	{ path: /^\/nhap-du-lieu$/, load: () => import('./pages/imports.js'), menu: 'nhap-du-lieu' },
	{ path: /^\/bao-cao$/, load: () => import('./pages/reports.js'), menu: 'bao-cao' },
	{ path: /^\/viec-can-lam$/, load: () => import('./pages/due.js'), menu: 'viec-can-lam' },
	{ path: /^\/bau-cu$/, load: () => import('./pages/election.js'), menu: 'bau-cu' },
	{ path: /^\/ket-nap$/, load: () => import('./pages/applicants.js'), menu: 'ket-nap' },
	{ path: /^\/dai-hoi$/, load: () => import('./pages/congresses.js'), menu: 'dai-hoi' },
	{ path: /^\/nguoi-dung$/, load: () => import('./pages/users.js'), menu: 'nguoi-dung' },
	{ path: /^\/mat-khau$/, load: () => import('./pages/password.js'), menu: '' },
];

// The menu; "need" says who sees an item, "api" which API path it needs.
const menu = [
	{ key: 'tong-quan', text: 'Tổng quan' },
	{ key: 'to-chuc', text: 'Cây tổ chức' },
	{ key: 'tim-kiem', text: 'Tìm đảng viên' },
	{ key: 'nhap-du-lieu', text: 'Nhập dữ liệu', need: ['admin', 'staff'] },
	{ key: 'viec-can-lam', text: 'Việc cần làm', api: 'due' },
	{ key: 'ket-nap', text: 'Kết nạp đảng viên', api: 'applicants' },
	{ key: 'dai-hoi', text: 'Đại hội', api: 'congresses' },
	{ key: 'bao-cao', text: 'Báo cáo' },
	{ key: 'bau-cu', text: 'Bầu cử' },
	{ key: 'nguoi-dung', text: 'Người dùng', need: ['admin'] },
];

// API paths the server documents (GET /api/v1/openapi.json): a menu item
// whose API is not there (yet) is left out.
export const apiPaths = new Set();

// Query string of the hash: "#/bao-cao?org=QN" -> {org: "QN"}.
export function hashQuery() {
	const q = location.hash.indexOf('?');
	return q < 0 ? {} : Object.fromEntries(new URLSearchParams(location.hash.slice(q + 1)));
}

export function go(hash) {
	if (location.hash === hash) route();
	else location.hash = hash;
}

let current = null; // {cleanup} of the page shown

function frame(activeKey) {
	const u = session.user;
	const items = menu.filter((m) => (!m.need || m.need.includes(u.role)) && (!m.api || apiPaths.has(m.api)));
	const main = h('main', { id: 'noi-dung', tabindex: '-1' });
	const logout = h('button', { type: 'button', class: 'btn', onclick: doLogout }, 'Đăng xuất');
	const top = h('header', { class: 'top' },
		h('span', { class: 'title' }, 'Quản lý tổ chức đảng và đảng viên'),
		h('span', { class: 'who' }, `${u.login} — ${u.role_label || u.role}, ${u.org_name || u.org}`),
		h('a', { class: 'btn', href: '#/mat-khau' }, 'Đổi mật khẩu'),
		logout);
	const nav = h('nav', { class: 'menu', 'aria-label': 'Các trang' }, h('ul', {},
		items.map((m) => h('li', {}, h('a', { href: '#/' + m.key, 'aria-current': m.key === activeKey ? 'page' : false }, m.text)))));
	fill(document.getElementById('app'), top, h('div', { class: 'frame' }, nav, main));
	return main;
}

async function doLogout() {
	try { await api('DELETE', '/session'); } catch (err) { /* the session may have ended already */ }
	session.user = null;
	session.csrf = null;
	go('#/dang-nhap');
}

export async function route() {
	const raw = location.hash.replace(/^#/, '');
	const path = raw.split('?')[0] || '/';
	if (current && current.cleanup) current.cleanup();
	current = null;
	let page = pages.find((p) => p.path.test(path));
	if (!session.user && !(page && page.bare)) {
		sessionStorage.setItem('after-login', location.hash || '#/tong-quan');
		go('#/dang-nhap');
		return;
	}
	if (!page) page = pages[1];
	const params = (page.path.exec(path) || []).slice(1).map((x) => x && decodeURIComponent(x));
	let main;
	if (page.bare) {
		main = fill(document.getElementById('app'), h('main', { id: 'noi-dung', tabindex: '-1', class: 'bare' })).firstChild;
	} else {
		main = frame(page.menu);
	}
	try {
		const mod = await page.load();
		current = { cleanup: await mod.render(main, params, hashQuery()) };
	} catch (err) {
		fill(main, h('h1', {}, 'Không mở được trang'), errorBox(err));
		if (!(err instanceof ApiError)) console.error(err);
	}
	const h1 = main.querySelector('h1');
	document.title = (h1 ? h1.textContent + ' — ' : '') + 'Quản lý đảng viên';
	// the new page's title takes the focus, unless the page gave it to a field
	if (h1 && !main.contains(document.activeElement)) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: true }); }
}

// After a login: remember who, then show the page asked for.
export async function loggedIn(answer) {
	session.user = answer.user;
	session.csrf = answer.csrf_token;
	await afterSession();
	const next = sessionStorage.getItem('after-login');
	sessionStorage.removeItem('after-login');
	go(next && next !== '#/dang-nhap' ? next : '#/tong-quan');
}

async function afterSession() {
	try {
		const { data } = await api('GET', '/me');
		session.scopeAll = !!data.scope_is_everything;
	} catch (err) { /* keep what the login said */ }
	try {
		const { data } = await api('GET', '/orgs', { query: { depth: 0 } });
		session.today = data.as_of;
	} catch (err) {
		session.today = null;
	}
	if (!apiPaths.size) {
		try {
			const { data } = await api('GET', '/openapi.json');
			for (const p of Object.keys(data.paths || {})) apiPaths.add(p.split('/')[1]);
		} catch (err) { /* the menu then shows what needs no check */ }
	}
}

async function boot() {
	session.onExpired = () => {
		sessionStorage.setItem('after-login', location.hash);
		sessionStorage.setItem('expired', '1');
		go('#/dang-nhap');
	};
	try {
		const { data } = await api('GET', '/me');
		session.user = data.user;
		session.csrf = data.csrf_token;
		await afterSession();
	} catch (err) {
		session.user = null;
	}
	window.addEventListener('hashchange', route);
	route();
}

boot();
