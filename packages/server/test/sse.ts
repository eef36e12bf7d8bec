/** Server-Sent Events frames read from a fetch body, for tests. */
export interface Sse {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads SSE frames from a fetch body until `until` says stop. */
export async function readFrames(
  res: Response,
  until: (frames: Sse[]) => boolean,
  timeoutMs = 5000,
): Promise<Sse[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const frames: Sse[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(frames)) {
    if (Date.now() > deadline) throw new Error(`timed out with ${JSON.stringify(frames)}`);
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const frame: Sse = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else {
          const i = line.indexOf(':');
          const k = line.slice(0, i) as keyof Sse;
          frame[k] = line.slice(i + 1).replace(/^ /, '');
        }
      }
      frames.push(frame);
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel().catch(() => undefined);
  return frames;
}
