/** Saves text as a file through the browser's own download, with no request anywhere. */
export function saveFile(name: string, text: string, type: string) {
  const blob = new Blob([text], { type });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export const today = () => new Date().toISOString().slice(0, 10);
