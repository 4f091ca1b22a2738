/** The one table `npm run bench` prints, as plain text and as Markdown (for the README). */
import { round } from './stats.mjs';

const HEAD = ['Figure', 'App', 'Reference', 'Ratio', 'Budget', 'Result'];
/** With --baseline: the earlier build's figure, and this one against it (above 1x is worse). */
const BEFORE_HEAD = ['Before', 'vs before'];

const x = (n) => (n == null ? '-' : Number.isFinite(n) ? `${round(n, 2)}x` : String(n));

function cells(r, baseline) {
	const result = r.error ? 'ERROR' : r.pass === true ? 'pass' : r.pass === false ? 'FAIL' : '-';
	const out = [r.figure, r.app ?? '-', r.ref ?? '-', x(r.ratio), r.budget || '-', result];
	if (baseline) out.splice(2, 0, r.before ?? '-', x(r.vsBefore));
	return out;
}

const head = (baseline) => (baseline ? [HEAD[0], HEAD[1], ...BEFORE_HEAD, ...HEAD.slice(2)] : HEAD);

export function renderTable(rows, { baseline = false } = {}) {
	const HEAD = head(baseline);
	const body = rows.map((r) => cells(r, baseline));
	const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((c) => String(c[i]).length)));
	const line = (c) => c.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd();
	const out = [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  ')];
	rows.forEach((r, i) => {
		out.push(line(body[i]));
		if (r.note) out.push(`    ${r.note}`);
	});
	return out.join('\n');
}

export function renderMarkdown(rows, { baseline = false } = {}) {
	const HEAD = head(baseline);
	const esc = (s) => String(s).replace(/\|/g, '\\|');
	const out = [`| ${HEAD.join(' | ')} |`, `| ${HEAD.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`];
	for (const r of rows) {
		const c = cells(r, baseline);
		if (r.note) c[0] = `${c[0]} <br><sub>${r.note}</sub>`;
		out.push(`| ${c.map(esc).join(' | ')} |`);
	}
	return out.join('\n');
}
