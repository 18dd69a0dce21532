import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskAttachmentStore } from './attachment-store';

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('DiskAttachmentStore', () => {
  let dir: string;
  let store: DiskAttachmentStore;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'petitio-store-')), 'attachments');
    store = new DiskAttachmentStore(dir);
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('writes a file under its id, creating the folder, and leaves no temporary file behind', async () => {
    const id = randomUUID();
    await store.put(id, Buffer.from('%PDF-1.4'));
    expect(readdirSync(dir)).toEqual([id]);
    await expect(read(await store.open(id))).resolves.toEqual(Buffer.from('%PDF-1.4'));
  });

  it('refuses ids that are not UUIDs, so no input can name a path', async () => {
    await expect(store.put('../escape', Buffer.from('x'))).rejects.toThrow('attachment ids are UUIDs');
    await expect(store.open('photo.png')).rejects.toThrow('attachment ids are UUIDs');
  });

  it('removes a file, and removing it again is not an error', async () => {
    const id = randomUUID();
    await store.put(id, Buffer.from('x'));
    await store.remove(id);
    await store.remove(id);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails to open a file that is not there', async () => {
    await expect(store.open(randomUUID())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
