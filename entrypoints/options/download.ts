import { dayKey } from '../../lib/days';

/** Saves text as a file through the browser's own download, with no request anywhere. */
export function saveFile(name: string, text: string, type: string) {
  const blob = new Blob([text], { type });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The local day for a file's name ("2026-11-21"), not the UTC one: a backup made after midnight is named for today. */
export const today = () => dayKey(Date.now());
