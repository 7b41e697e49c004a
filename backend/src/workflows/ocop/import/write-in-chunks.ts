/**
 * Writes a large list in chunks (one statement per chunk stays far below PostgreSQL's 65,535 bind parameters and
 * keeps each write short) as ONE unit: when a chunk fails, the chunks already written are undone before the error
 * goes on. A workflow compensates only the steps that completed, so a step that fails half-way must clean up after
 * itself here; its own compensation then undoes the whole step when a later step fails.
 */
export async function writeInChunks<T, R>(
  items: T[],
  size: number,
  write: (chunk: T[]) => Promise<R[]>,
  undo: (written: R[]) => Promise<void>
): Promise<R[]> {
  const written: R[] = []
  try {
    for (let start = 0; start < items.length; start += size) {
      written.push(...(await write(items.slice(start, start + size))))
    }
  } catch (error) {
    if (written.length) await undo(written)
    throw error
  }
  return written
}
