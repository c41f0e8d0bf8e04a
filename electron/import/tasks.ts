// Running batch tasks by id, so that `import.cancel` can stop one from another call.
import { randomUUID } from 'node:crypto';

const running = new Map<string, AbortController>();

export function startTask(taskId?: string): { taskId: string; signal: AbortSignal; finish: () => void } {
  const id = taskId ?? randomUUID();
  if (running.has(id)) throw new Error(`A task with id ${id} is already running`);
  const controller = new AbortController();
  running.set(id, controller);
  return { taskId: id, signal: controller.signal, finish: () => running.delete(id) };
}

/** Asks a running task to stop after its current file; false if no such task is running. */
export function cancelTask(taskId: string): boolean {
  const controller = running.get(taskId);
  if (!controller) return false;
  controller.abort();
  return true;
}
