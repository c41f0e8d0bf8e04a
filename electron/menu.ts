// The native menu of the desktop app. New and Open are native (dialogs in the main process);
// everything else is a `menu.command` event the renderer acts on, the same code path as its own
// keyboard shortcuts. Those shortcuts are shown here but not registered with the system
// (`registerAccelerator: false`): the renderer owns the keys in both run modes, so Ctrl+Z in a
// text field still undoes typing and no key fires twice.
// This module only builds the template (no value import of `electron`), so it is tested in Node.
import type { MenuItemConstructorOptions } from 'electron';

export const MENU_COMMANDS = ['undo', 'redo', 'import', 'export', 'search', 'fit', 'theme', 'shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface MenuActions {
  newInvestigation(): void;
  openInvestigation(): void;
  /** forwards a command to the focused window as the `menu.command` event */
  command(command: MenuCommand): void;
}

export interface MenuOptions {
  isDev: boolean;
  platform: NodeJS.Platform;
}

function renderer(actions: MenuActions, label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions {
  return {
    label, id: `command:${command}`, click: () => actions.command(command),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  };
}

export function menuTemplate(actions: MenuActions, { isDev, platform }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Investigation…', id: 'file:new', accelerator: 'CmdOrCtrl+N', click: () => actions.newInvestigation() },
      { label: 'Open Investigation…', id: 'file:open', accelerator: 'CmdOrCtrl+O', click: () => actions.openInvestigation() },
      { type: 'separator' },
      renderer(actions, 'Import…', 'import', 'CmdOrCtrl+I'),
      renderer(actions, 'Export…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit Skein' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      renderer(actions, 'Undo', 'undo', 'CmdOrCtrl+Z'),
      renderer(actions, 'Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      renderer(actions, 'Search…', 'search', 'CmdOrCtrl+K'),
      renderer(actions, 'Fit Graph to Window', 'fit', 'CmdOrCtrl+0'),
      renderer(actions, 'Toggle Dark/Light Theme', 'theme'),
      // reloading loses the canvas and devtools open a door into the page: development only
      ...(isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [renderer(actions, 'Keyboard Shortcuts', 'shortcuts', '?')],
  };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}
