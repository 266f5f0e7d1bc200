// api: talking to dangbo's JSON API (/api/v1, docs/api.md).
//
// One function, api(), sends a request with the session cookie and, for
// every request that changes something, the CSRF token the login answer
// gave (X-CSRF-Token). A failed request throws an ApiError carrying the
// status, the server's message and its list of problems (file, line,
// column, message). The server speaks English in its messages; vi() turns
// the common ones into Vietnamese and leaves the others as they are.

export const session = {
	user: null,          // {login, role, role_label, org, org_name}
	csrf: null,          // from POST /session or GET /me
	scopeAll: false,     // the user's scope is the whole tree
	today: null,         // the server's today, YYYY-MM-DD
	onExpired: null,     // called when the server says the session ended
};

export class ApiError extends Error {
	constructor(status, body) {
		const e = (body && body.error) || {};
		super(e.message || `Máy chủ trả lời lỗi ${status}`);
		this.status = status;
		this.body = e;
		this.problems = Array.isArray(e.problems) ? e.problems : [];
	}
}

// api(method, path, {json, body, query, headers, raw}): path is below
// /api/v1. json is sent as application/json; body (FormData, Blob, string)
// as is. With raw, the Response is returned instead of parsed JSON.
export async function api(method, path, opts = {}) {
	let url = '/api/v1' + path;
	if (opts.query) {
		const q = new URLSearchParams();
		for (const [k, v] of Object.entries(opts.query))
			if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
		const s = q.toString();
		if (s) url += (url.includes('?') ? '&' : '?') + s;
	}
	const headers = Object.assign({ Accept: 'application/json' }, opts.headers || {});
	let body = opts.body;
	if (opts.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(opts.json);
	}
	if (method !== 'GET' && method !== 'HEAD' && session.csrf)
		headers['X-CSRF-Token'] = session.csrf;
	let res;
	try {
		res = await fetch(url, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
	} catch (err) {
		throw new ApiError(0, { error: { message: 'Không kết nối được với máy chủ. Kiểm tra máy chủ còn chạy không, rồi thử lại.' } });
	}
	if (res.status === 401 && path !== '/session' && session.user) {
		session.user = null;
		session.csrf = null;
		if (session.onExpired) session.onExpired();
	}
	if (res.ok && opts.raw) return res;
	const type = res.headers.get('Content-Type') || '';
	let data = null;
	if (type.startsWith('application/json')) {
		try { data = await res.json(); } catch (err) { data = null; }
	}
	if (!res.ok) throw new ApiError(res.status, data);
	return { data, res };
}

// The server's English messages that people meet most, in Vietnamese.
const phrases = [
	[/^wrong login or password$/, () => 'Sai tên đăng nhập hoặc mật khẩu.'],
	[/^too many failed logins.*?(\d+) minutes?/, (m) => `Đã đăng nhập sai quá nhiều lần. Tài khoản tạm khóa: xin đợi ${m[1]} phút rồi thử lại.`],
	[/^too many failed logins/, () => 'Đã đăng nhập sai quá nhiều lần. Xin đợi 15 phút rồi thử lại.'],
	[/^the session has ended|^log in first/, () => 'Phiên làm việc đã hết. Xin đăng nhập lại.'],
	[/^the role \S+ may not do this/, () => 'Tài khoản của bạn không được phép làm việc này.'],
	[/X-CSRF-Token/, () => 'Phiên làm việc không còn hợp lệ. Xin tải lại trang (phím F5) rồi làm lại.'],
	[/^(\d+) problems?, nothing imported/, (m) => `Có ${m[1]} lỗi. Chưa nhập gì vào cơ sở dữ liệu.`],
	[/^'(.*)' is not a date/, (m) => `"${m[1]}" không phải là một ngày (viết ngày/tháng/năm, ví dụ 05/12/1990).`],
	[/^(?:unknown organization|no organization(?: with code)?) '(.*)'$/, (m) => `Không có tổ chức mã "${m[1]}" (hoặc tổ chức đó nằm ngoài phần việc của bạn).`],
	[/^no member '(.*)'$/, (m) => `Không có đảng viên số "${m[1]}" (hoặc người đó nằm ngoài phần việc của bạn).`],
	[/^the required column (\S+) is missing/, (m) => `Thiếu cột bắt buộc ${m[1]}.`],
	[/^the column (\S+) is missing/, (m) => `Thiếu cột ${m[1]}.`],
	[/^unknown column/, () => 'Cột này không có trong mẫu tệp.'],
	[/^the file is empty/, () => 'Tệp rỗng: dòng đầu phải là dòng tên cột.'],
	[/^this row has (\d+) fields?, the header has (\d+)/, (m) => `Dòng này có ${m[1]} ô, dòng tên cột có ${m[2]}.`],
	[/^invalid UTF-8/, () => 'Chữ không đúng mã UTF-8 (lưu lại tệp dạng "CSV UTF-8").'],
	[/^the login '(.*)' (?:exists|is taken)/, (m) => `Tên đăng nhập "${m[1]}" đã có người dùng.`],
	[/^a password has (\d+) to (\d+) bytes/, (m) => `Mật khẩu phải dài từ ${m[1]} đến ${m[2]} ký tự.`],
	[/^a login has 1 to (\d+) letters/, (m) => `Tên đăng nhập gồm 1 đến ${m[1]} chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.`],
	[/^the old password is wrong/, () => 'Mật khẩu cũ không đúng.'],
	[/^the body is larger than/, () => 'Dữ liệu gửi lên quá lớn.'],
	[/^the election round has (\d+) problems/, (m) => `Có ${m[1]} chỗ chưa đúng, chưa tính được kết quả.`],
	[/^the election round has a problem: (.*)$/, (m) => `Có một chỗ chưa đúng, chưa tính được kết quả: ${m[1]}`],
	[/^the password must have at least (\d+)/, (m) => `Mật khẩu phải có ít nhất ${m[1]} ký tự.`],
	[/^(.*) is outside your part of the organization tree$/, (m) => `${m[1]} nằm ngoài phần việc của bạn.`],
	// refusals of transfers, exits, admissions and congress plans: the rule cited first, kept as it is
	[/^(.*): a temporary transfer lasts under (\d+) months \(until (\S+) is not\)/, (m) => `${m[1]}: sinh hoạt tạm thời dưới ${m[2]} tháng (đến ngày ${m[3]} là quá): hãy chuyển sinh hoạt chính thức, hoặc chọn "Đi học tập trung".`],
	[/^(.*): a removal states one of the five grounds/, (m) => `${m[1]}: xóa tên phải nêu một trong năm trường hợp (chọn ở ô "Căn cứ xóa tên").`],
	[/^(.*): the ceremony follows the admission decision$/, (m) => `${m[1]}: lễ kết nạp phải sau quyết định kết nạp.`],
	[/^notice on (\S+) is (\d+) working days? before the opening on (\S+); at least (\d+) are needed \((.*)\): give the notice on (\S+) or earlier$/,
		(m) => `Thông báo triệu tập ngày ${m[1]} chỉ trước ngày khai mạc ${m[3]} ${m[2]} ngày làm việc; phải trước ít nhất ${m[4]} ngày làm việc (${m[5]}): thông báo triệu tập chậm nhất ngày ${m[6]}.`],
	[/^applicant (.*) exists already$/, (m) => `Đã có người xin vào Đảng mã "${m[1]}".`],
];

// The message in Vietnamese when it is a known one, else as it is.
export function vi(message) {
	if (!message) return '';
	for (const [re, f] of phrases) {
		const m = re.exec(message);
		if (m) return f(m);
	}
	return message;
}

// A Vietnamese sentence for a failed request, by status when the server's
// message is not one vi() knows.
export function errorText(err) {
	if (!(err instanceof ApiError)) return 'Có lỗi trong trang: ' + String(err && err.message || err);
	const t = vi(err.message);
	if (t !== err.message) return t;
	const head = {
		0: '',
		400: 'Dữ liệu chưa đúng: ',
		403: 'Không được phép: ',
		404: 'Không tìm thấy: ',
		409: 'Trùng với dữ liệu đã có: ',
		413: 'Dữ liệu quá lớn: ',
		422: 'Quy định không cho phép: ',
		429: 'Tạm thời bị chặn: ',
		500: 'Máy chủ gặp lỗi: ',
	}[err.status] ?? `Lỗi ${err.status}: `;
	return head + err.message;
}
