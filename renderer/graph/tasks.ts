// Main-thread work cut into tasks of its own (PERFORMANCE.md R2: no task over 100 ms). Every
// requestAnimationFrame callback of a frame runs in one task with cytoscape's own redraw, so work
// done in one is added to the frame's drawing; a message to a MessageChannel runs as a separate task,
// after the frame, and input can be handled between the two. (setTimeout would do the same but is
// clamped to 4 ms once nested.)

/** Runs `step` in a task of its own, as soon as the tasks already queued allow; returns a cancel. */
export function inNextTask(step: () => void): () => void {
  let live = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (live) step();
  };
  channel.port2.postMessage(null);
  return () => {
    live = false;
    channel.port1.close();
  };
}

/** Runs `step` in a task of its own right after the next frame is drawn; returns a cancel. */
export function afterNextFrame(step: () => void): () => void {
  let cancelTask: (() => void) | null = null;
  const frame = requestAnimationFrame(() => { cancelTask = inNextTask(step); });
  return () => {
    cancelAnimationFrame(frame);
    cancelTask?.();
  };
}
