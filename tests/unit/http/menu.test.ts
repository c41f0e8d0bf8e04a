// The native menu template (built without Electron): every action the issue asks for is there,
// renderer actions become `menu.command` events, and development-only items stay out of releases.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, menuTemplate, type MenuCommand } from '../../../electron/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(isDev: boolean, platform: NodeJS.Platform = 'linux') {
  const sent: MenuCommand[] = [];
  const native: string[] = [];
  const template = menuTemplate({ newInvestigation: () => native.push('new'), openInvestigation: () => native.push('open'), command: (c) => sent.push(c) }, { isDev, platform });
  return { items: flatten(template), sent, native, template };
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('native menu', () => {
  it('has File, Edit, View and Help with the documented shortcuts', () => {
    const { template, items } = build(false);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const byId = (id: string) => items.find((item) => item.id === id);
    expect(byId('command:import')?.accelerator).toBe('CmdOrCtrl+I');
    expect(byId('command:export')?.accelerator).toBe('CmdOrCtrl+E');
    expect(byId('command:undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(byId('command:redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(byId('command:search')?.accelerator).toBe('CmdOrCtrl+K');
    expect(byId('command:fit')?.accelerator).toBe('CmdOrCtrl+0');
    expect(byId('command:shortcuts')?.accelerator).toBe('?');
    expect(items.map((item) => item.role).filter(Boolean)).toEqual(expect.arrayContaining(['quit', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('sends every renderer action as a command and leaves the keys to the renderer', () => {
    const { items, sent } = build(false);
    for (const command of MENU_COMMANDS) {
      const item = items.find((i) => i.id === `command:${command}`);
      click(item);
      if (item?.accelerator) expect(item.registerAccelerator, command).toBe(false);
    }
    expect(sent).toEqual([...MENU_COMMANDS]);
  });

  it('opens native dialogs for New and Open', () => {
    const { items, native } = build(false);
    click(items.find((i) => i.id === 'file:new'));
    click(items.find((i) => i.id === 'file:open'));
    expect(native).toEqual(['new', 'open']);
  });

  it('offers reload and devtools only in development', () => {
    expect(build(false).items.some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(build(true).items.filter((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toHaveLength(2);
  });

  it('adds the application menu on macOS', () => {
    expect(build(false, 'darwin').template[0]?.role).toBe('appMenu');
  });
});
