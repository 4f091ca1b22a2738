/**
 * What the gallery's buttons do with photos: delete with Undo, export, share, back up, import.
 * Heavy parts (ZIP writing and reading, EXIF) are imported on first use, so neither the camera
 * page nor the gallery's first load carries them.
 */
import { photos } from '$lib/photos/repository';
import type { PhotoMeta } from '$lib/photos/types';
import { UNDO_MS } from '$lib/photos/gallery.svelte';
import { storageStatus } from '$lib/photos/storage.svelte';
import { settings } from '$lib/settings/settings.svelte';
import { task } from '$lib/tasks/task.svelte';
import type { ImportReport } from '$lib/import/importer';
import { plural } from '$lib/format';
import { reportError, toasts } from '$lib/toasts.svelte';
import { isAbort } from '$lib/abort';


/**
 * Deletes photos with an Undo toast. Until the toast expires only their metadata has moved (to
 * the trash), so Undo is instant for any number; then their bytes are purged for good.
 */
export async function deletePhotos(ids: readonly string[]): Promise<number> {
	const gone = await photos.trash(ids);
	if (!gone.length) return 0;
	let undone = false;
	toasts.show(gone.length === 1 ? 'Photo deleted' : `${plural(gone.length, 'photo')} deleted`, {
		ms: UNDO_MS,
		action: {
			label: 'Undo',
			run: async () => {
				undone = true;
				try {
					await photos.untrash(gone);
				} catch (e) {
					reportError(e, gone.length === 1 ? 'The photo could not be restored' : 'The photos could not be restored');
				}
			}
		}
	});
	// A little after the toast has gone, so a last-moment Undo always wins.
	setTimeout(() => {
		if (!undone) photos.purge(gone).then(() => storageStatus.refresh(), (e) => console.warn('Purge failed', e));
	}, UNDO_MS + 1500);
	return gone.length;
}

/** The end of a toast for photos left out because their stored bytes could not be read. */
function leftOut(count: number): string {
	if (!count) return '';
	return `; ${plural(count, 'photo')} could not be read from this device's storage and ${count === 1 ? 'was' : 'were'} left out`;
}

/** Saves photos as one ZIP (EXIF added to JPEGs), with progress and Cancel. */
export async function exportPhotos(list: readonly PhotoMeta[], label?: string): Promise<void> {
	if (!list.length) return;
	try {
		const { archiveName, chooseTarget, saveZip } = await import('$lib/export/save');
		// Asked first, while the click still counts as the person's: the picker needs that.
		const target = await chooseTarget(archiveName('export', undefined, label));
		const { nameFiles } = await import('$lib/export/filename');
		const unreadable = new Set<string>();
		const finished = await task.run(`Exporting ${plural(list.length, 'photo')}`, list.length, async ({ signal, progress }) => {
			await saveZip({ files: nameFiles(list), exif: true }, target, {
				signal,
				onProgress: progress,
				onUnreadable: (id) => unreadable.add(id)
			});
			return true;
		});
		toasts.show(finished ? `Exported ${plural(list.length - unreadable.size, 'photo')}${leftOut(unreadable.size)}` : 'Export cancelled');
	} catch (e) {
		if (isAbort(e)) return; // the save dialog was dismissed
		reportError(e, 'The export failed');
	}
}

/** Writes every photo and a manifest (ids, times, favourites, settings) into one ZIP. */
export async function backUp(all: readonly PhotoMeta[]): Promise<void> {
	try {
		const { archiveName, chooseTarget, saveZip } = await import('$lib/export/save');
		const target = await chooseTarget(archiveName('backup'));
		const [{ backupJob, overlaysUsed }, { overlays }, withThumbs, { events }] = await Promise.all([
			import('$lib/backup/write'),
			import('$lib/photos/overlays'),
			photos.thumbnailIds(),
			import('$lib/event/event.svelte')
		]);
		const found = await Promise.all(overlaysUsed(all, settings.values.overlay).map((id) => overlays.get(id)));
		const kept = found.flatMap((o) => (o ? [{ id: o.id, name: o.name, image: new Blob([o.data], { type: o.type }) }] : []));
		const job = backupJob(all, withThumbs, { ...settings.values }, new Date(), kept, events.records);
		const unreadable = new Set<string>();
		const finished = await task.run(`Backing up ${plural(all.length, 'photo')}`, all.length, async ({ signal, progress }) => {
			await saveZip(job, target, {
				signal,
				onProgress: progress,
				onUnreadable: (id) => unreadable.add(id)
			});
			return true;
		});
		toasts.show(finished ? `Backed up ${plural(all.length - unreadable.size, 'photo')}${leftOut(unreadable.size)}` : 'Backup cancelled');
	} catch (e) {
		if (isAbort(e)) return;
		reportError(e, 'The backup failed');
	}
}

/** Shares photos through the system share sheet. */
export async function sharePhotos(list: readonly PhotoMeta[]): Promise<void> {
	try {
		const { sharePhotos } = await import('$lib/export/share');
		await sharePhotos(list);
	} catch (e) {
		if (isAbort(e)) return; // the share sheet was closed
		reportError(e, 'Sharing failed');
	}
}

/** The outcome of the last import, shown until dismissed. */
class ImportOutcome {
	report = $state.raw<ImportReport | null>(null);
	dismiss(): void {
		this.report = null;
	}

	/** Replaces the settings with the ones the imported backup held (only when asked). */
	useSettings(): void {
		const raw = this.report?.settings;
		if (!raw) return;
		settings.replace(raw);
		if (this.report) this.report = { ...this.report, settings: undefined };
		toasts.show('Settings restored from the backup.');
	}
}
export const importOutcome = new ImportOutcome();

/** Imports backups and image files; what could not be imported is listed per file. */
export async function importFiles(files: readonly File[]): Promise<void> {
	if (!files.length) return;
	importOutcome.report = null;
	try {
		const { importFiles } = await import('$lib/import/importer');
		const report = await task.run(`Importing ${plural(files.length, 'file')}`, files.length, ({ signal, progress }) =>
			importFiles(files, { signal, onProgress: progress })
		);
		void storageStatus.refresh();
		if (!report) {
			toasts.show('Import cancelled. Photos imported so far are kept.');
			return;
		}
		importOutcome.report = report;
		if (!report.problems.length && !report.quotaFull) {
			const skipped = report.skipped ? `, ${plural(report.skipped, 'photo')} already here` : '';
			const offer = report.settings ? '. The backup also holds settings; yours are unchanged' : '';
			toasts.show(`Imported ${plural(report.added, 'photo')}${skipped}${offer}`, {
				// Long enough to read and decide; the import report keeps the offer too.
				...(report.settings ? { action: { label: 'Use its settings', run: () => importOutcome.useSettings() }, ms: 15_000 } : {})
			});
		}
	} catch (e) {
		reportError(e, 'The import failed');
	}
}
