import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/** Where attachment bytes live. Keys are ids Petitio made up; a citizen's input never becomes a path. */
export interface AttachmentStore {
  /** Writes the bytes whole under `id`, or not at all. */
  put(id: string, bytes: Buffer): Promise<void>;
  open(id: string): Promise<Readable>;
  remove(id: string): Promise<void>;
}

export const ATTACHMENT_STORE = Symbol('AttachmentStore');

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Files in one directory (ATTACHMENTS_DIR), outside every served path. A file is written to a temporary
 * name, flushed, then renamed: a reader never sees half a file, and a crash leaves only a `.tmp-` file.
 */
export class DiskAttachmentStore implements AttachmentStore {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(id);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temporary = join(this.dir, `.tmp-${randomUUID()}`);
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async open(id: string): Promise<Readable> {
    const path = this.pathOf(id);
    await stat(path);
    return createReadStream(path);
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  private pathOf(id: string): string {
    if (!ID.test(id)) throw new Error('attachment ids are UUIDs');
    return join(this.dir, id);
  }
}
