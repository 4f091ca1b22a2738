/** The one table `npm run bench` prints, as plain text and as Markdown (for the README). */
import { round } from './stats.mjs';

const HEAD = ['Figure', 'App', 'Reference', 'Ratio', 'Budget', 'Result'];

function cells(r) {
	const result = r.error ? 'ERROR' : r.pass === true ? 'pass' : r.pass === false ? 'FAIL' : '-';
	const ratio = r.ratio == null ? '-' : `${round(r.ratio, 2)}x`;
	return [r.figure, r.app ?? '-', r.ref ?? '-', ratio, r.budget || '-', result];
}

export function renderTable(rows) {
	const body = rows.map(cells);
	const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((c) => String(c[i]).length)));
	const line = (c) => c.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd();
	const out = [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  ')];
	rows.forEach((r, i) => {
		out.push(line(body[i]));
		if (r.note) out.push(`    ${r.note}`);
	});
	return out.join('\n');
}

export function renderMarkdown(rows) {
	const esc = (s) => String(s).replace(/\|/g, '\\|');
	const out = [`| ${HEAD.join(' | ')} |`, `| ${HEAD.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`];
	for (const r of rows) {
		const c = cells(r);
		if (r.note) c[0] = `${c[0]} <br><sub>${r.note}</sub>`;
		out.push(`| ${c.map(esc).join(' | ')} |`);
	}
	return out.join('\n');
}
