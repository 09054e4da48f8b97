/** The keyboard shortcut the browser has given "open the checklist", or null when none is set. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export function useShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    browser.commands
      .getAll()
      .then((commands) => setShortcut(commands.find((command) => command.name === 'open-checklist')?.shortcut || null))
      .catch(() => setShortcut(null));
  }, []);
  return shortcut;
}
