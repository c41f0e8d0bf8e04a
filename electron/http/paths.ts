// Where Skein keeps its data, computed without Electron so that browser mode, the CLI and the
// desktop app (which sets its `userData` to this folder) open the same default investigation.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Skein';
export const DEFAULT_INVESTIGATION = 'default.skein';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), APP_NAME);
}

export function defaultInvestigationPath(dir = userDataDir()): string {
  return join(dir, DEFAULT_INVESTIGATION);
}
