import { LocalStorage } from '../../src/storage/local.js';
import { MemoryStorage } from '../../src/storage/memory.js';
import { tempDir } from '../helpers/server.js';
import { storageContract } from './contract.js';

storageContract('memory', async () => ({ storage: new MemoryStorage(), cleanup: async () => undefined }));

storageContract('local', async () => {
  const dir = await tempDir('chartroom-storage-');
  return { storage: new LocalStorage(dir.path), cleanup: dir.cleanup };
});
