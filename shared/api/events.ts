// Push events from the main process to every open window (desktop IPC or browser-mode SSE).
import { z } from 'zod';

export const events = {
  /** something changed the investigation: a window re-reads what it shows */
  'graph.changed': z.object({ historyId: z.number().nullable(), action: z.string(), nodeIds: z.array(z.string()) }),
  /** progress of a long task (batch import, export) */
  'task.progress': z.object({ task: z.string(), done: z.number(), total: z.number(), message: z.string() }),
  /** a menu item or accelerator of the desktop app asks the renderer to act ("undo", "new-entity" …) */
  'menu.command': z.object({ command: z.string() }),
  /** another investigation file was opened: windows reset their view */
  'app.reopened': z.object({ dbPath: z.string() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
