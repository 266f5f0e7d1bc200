// Nhập dữ liệu: CSV files of contract §2 (POST /api/v1/imports). First a
// check that writes nothing (dry_run=1) and shows every problem as a table
// (file, line, column, message); then the import itself, all or nothing.
// The API takes CSV only: an Excel file must be saved as "CSV UTF-8" first.
// Also the exports (GET /api/v1/exports/{kind}), the same files back.

import { api, session } from '../api.js';
import { h, fill, errorBox, okBox, fmtInt, columnLabel } from '../ui.js';

const KINDS = [
	['orgs', 'Tổ chức đảng', 'to_chuc.csv'],
	['org_events', 'Sự kiện của tổ chức (chuyển, hợp nhất, giải thể, đổi tên)', 'su_kien_to_chuc.csv'],
	['members', 'Đảng viên', 'dang_vien.csv'],
	['events', 'Sự kiện của đảng viên (kết nạp, chuyển sinh hoạt…)', 'su_kien_dang_vien.csv'],
];

export function render(main) {
	const inputs = {};
	// the browser's own file button speaks the browser's language: a label
	// in Vietnamese stands for it (the input stays focusable)
	const rows = KINDS.map(([k, label]) => {
		const input = h('input', { type: 'file', name: k, accept: '.csv,text/csv', class: 'vh', id: 'tep-' + k });
		const shown = h('span', { class: 'file-name' }, 'Chưa chọn tệp');
		input.addEventListener('change', () => fill(shown, input.files[0] ? input.files[0].name : 'Chưa chọn tệp'));
		input.shown = shown;
		inputs[k] = input;
		return h('div', { class: 'field' }, h('div', { class: 'hint-label' }, label),
			h('div', { class: 'file-pick' }, input, h('label', { for: input.id, class: 'btn secondary' }, 'Chọn tệp…'), shown));
	});
	const result = h('div', { 'aria-live': 'polite' });
	const check = h('button', { type: 'button' }, 'Bước 1: Kiểm tra (chưa nhập)');
	const doImport = h('button', { type: 'button', disabled: true }, 'Bước 2: Nhập vào cơ sở dữ liệu');
	let checked = null; // the files that passed the check

	function chosen() {
		const fd = new FormData();
		const names = [];
		for (const [k] of KINDS) {
			const f = inputs[k].files[0];
			if (f) { fd.append(k, f, f.name); names.push(f.name); }
		}
		return { fd, names, key: KINDS.map(([k]) => { const f = inputs[k].files[0]; return f ? `${f.name}:${f.size}:${f.lastModified}` : ''; }).join('|') };
	}

	for (const [k] of KINDS)
		inputs[k].addEventListener('change', () => {
			checked = null;
			doImport.disabled = true;
			fill(result);
		});

	async function send(dryRun) {
		const c = chosen();
		if (!c.names.length) {
			fill(result, h('div', { class: 'box error', role: 'alert' }, h('p', {}, 'Chưa chọn tệp nào. Bấm nút "Chọn tệp" ở loại dữ liệu cần nhập.')));
			return;
		}
		for (const n of c.names)
			if (!/\.csv$/i.test(n)) {
				fill(result, h('div', { class: 'box error', role: 'alert' },
					h('p', { class: 'msg-title' }, `Tệp "${n}" không phải tệp CSV.`),
					h('p', {}, 'Chương trình chỉ nhận tệp CSV. Với tệp Excel: mở tệp, chọn Lưu thành (Save As), chọn kiểu "CSV UTF-8", rồi chọn tệp mới này.')));
				return;
			}
		check.disabled = doImport.disabled = true;
		fill(result, h('p', {}, dryRun ? 'Đang kiểm tra…' : 'Đang nhập…'));
		try {
			const { data } = await api('POST', '/imports', { body: c.fd, query: { dry_run: dryRun ? 1 : '' } });
			const files = h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Loại'), h('th', {}, 'Tệp'), h('th', {}, 'Số dòng'))),
				h('tbody', {}, (data.files || []).map((f) => h('tr', {},
					h('td', {}, (KINDS.find(([k]) => k === f.kind) || [, f.kind])[1]), h('td', {}, f.name), h('td', { class: 'num' }, fmtInt(f.rows))))));
			if (dryRun) {
				checked = c.key;
				fill(result, okBox('Kiểm tra xong: không có lỗi. Chưa có gì được ghi. Bấm "Bước 2" để nhập.', files));
			} else {
				checked = null;
				for (const [k] of KINDS) { inputs[k].value = ''; fill(inputs[k].shown, 'Chưa chọn tệp'); }
				fill(result, okBox('Đã nhập xong vào cơ sở dữ liệu.', files));
			}
		} catch (err) {
			checked = null;
			fill(result, errorBox(err, dryRun ? 'Tệp có lỗi. Sửa các lỗi dưới đây trong tệp rồi kiểm tra lại.' : 'Không nhập được. Chưa có gì thay đổi.', columnLabel));
		}
		check.disabled = false;
		doImport.disabled = !(checked && checked === chosen().key);
		(doImport.disabled ? check : doImport).focus();
	}
	check.addEventListener('click', () => send(true));
	doImport.addEventListener('click', () => send(false));

	const org = session.user.org;
	const exports = h('ul', {}, KINDS.map(([k, label, file]) => h('li', {},
		h('a', { href: `/api/v1/exports/${k}?org=${encodeURIComponent(org)}`, download: file }, `Tải về: ${label}`))));

	fill(main,
		h('h1', {}, 'Nhập dữ liệu'),
		h('div', { class: 'box panel' },
			h('p', {}, 'Nhập danh sách tổ chức, đảng viên và các sự kiện từ tệp CSV (mẫu tệp và các cột: xem hướng dẫn "Nhập, xuất dữ liệu").'),
			h('p', {}, h('strong', {}, 'Chỉ nhận tệp CSV (UTF-8). '), 'Tệp Excel (.xlsx): mở bằng Excel, chọn "Lưu thành" kiểu "CSV UTF-8" rồi chọn tệp đó.'),
			h('p', {}, 'Chọn một hoặc nhiều tệp. Bước 1 chỉ kiểm tra, không ghi gì. Nếu có một lỗi nào thì không dòng nào được nhập.')),
		h('form', { onsubmit: (ev) => ev.preventDefault() }, rows, h('div', { class: 'actions' }, check, doImport)),
		result,
		h('h2', {}, 'Xuất dữ liệu ra tệp CSV'),
		h('p', {}, `Các tệp cùng mẫu với tệp nhập, cho ${session.user.org_name || org}:`),
		exports);
}
