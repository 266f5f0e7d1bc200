// Shared by the browser scenarios: starting Debian's chromium through
// playwright-core (never a downloaded browser), logging in through the
// page, and a second client speaking to the API directly (to change data
// behind the browser's back, and to check what the page claims).

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BASE = process.env.BASE_URL;
if (!BASE) throw new Error('BASE_URL is not set: run the scenarios through tests/browser/run.sh');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A fresh browser profile (its own user data directory) at 1366×768, the
// screen of a cheap laptop. Returns {ctx, page, close}.
export async function openBrowser() {
	const dir = fs.mkdtempSync(path.join(process.env.TMP || os.tmpdir(), 'profile-'));
	const ctx = await chromium.launchPersistentContext(dir, {
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ARGS,
		viewport: { width: 1366, height: 768 },
		acceptDownloads: true,
		locale: 'vi-VN',
	});
	const page = ctx.pages()[0] || await ctx.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
	return {
		ctx, page, errors,
		close: async () => { await ctx.close(); fs.rmSync(dir, { recursive: true, force: true }); },
	};
}

// Logs in through the login page and waits for the menu.
export async function login(page, user = 'admin', password = 'matkhau-admin') {
	await page.goto(BASE + '#/dang-nhap');
	await page.getByLabel('Tên đăng nhập').fill(user);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.locator('nav.menu').waitFor();
}

// Saves a screenshot when SHOTS names a directory (for people to look at).
export async function shot(page, name) {
	if (!process.env.SHOTS) return;
	fs.mkdirSync(process.env.SHOTS, { recursive: true });
	await page.screenshot({ path: path.join(process.env.SHOTS, name + '.png'), fullPage: true });
}

// A client of the API with its own session (cookie and CSRF token).
export class Api {
	constructor() { this.cookie = ''; this.csrf = ''; }

	async login(user, password) {
		const r = await this.call('POST', '/session', { login: user, password });
		if (r.status !== 200) throw new Error(`API login ${user}: ${r.status} ${JSON.stringify(r.body)}`);
		this.csrf = r.body.csrf_token;
		return this;
	}

	// call(method, path, json, headers) -> {status, body, headers, text}
	async call(method, p, json, headers = {}) {
		const h = Object.assign({ Accept: 'application/json' }, headers);
		if (this.cookie) h.Cookie = this.cookie;
		if (this.csrf && method !== 'GET') h['X-CSRF-Token'] = this.csrf;
		let body;
		if (json !== undefined) { h['Content-Type'] = 'application/json'; body = JSON.stringify(json); }
		const res = await fetch(BASE.replace(/\/$/, '') + '/api/v1' + p, { method, headers: h, body });
		const set = res.headers.get('set-cookie');
		if (set) this.cookie = set.split(';')[0];
		const text = await res.text();
		let parsed = null;
		try { parsed = JSON.parse(text); } catch (err) { parsed = null; }
		return { status: res.status, body: parsed, headers: res.headers, text };
	}

	async get(p) {
		const r = await this.call('GET', p);
		if (r.status !== 200) throw new Error(`GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
		return r.body;
	}
}

// 2517 -> "2.517", as the page writes numbers.
export function viInt(n) {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

// "Nguyễn Văn An" -> "nguyen van an".
export function plain(s) {
	return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

// A member found through the API whose history allows ev next (the page
// must then offer it), within the first page of a search.
export async function memberAllowing(api, ev, query = 'nguyen') {
	const list = await api.get(`/members?q=${encodeURIComponent(query)}&limit=40`);
	for (const it of list.items) {
		const m = await api.get('/members/' + encodeURIComponent(it.member_id));
		if ((m.allowed_events || []).includes(ev)) return m;
	}
	throw new Error(`no member found whose history allows ${ev}`);
}
