/**
 * Envelope encryption for narratives, contact details and documents.
 *
 * A master key (KEK) comes from SENDA_MASTER_KEY or a key file created on
 * first start in the data folder; it is never stored in the database. Data
 * keys (DEKs) are random, stored wrapped by the master key in `data_keys`.
 * Each value is sealed with AES-256-GCM under a DEK, with associated data
 * `table:column:rowId` so a ciphertext cannot be moved to another row.
 * Format: `v1.<dekId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database.js';

const ALGORITHM = 'aes-256-gcm';

export function loadMasterKey(options: { masterKey: string | undefined; dataDir: string }): Buffer {
  if (options.masterKey) {
    const key = Buffer.from(options.masterKey, 'base64');
    if (key.length !== 32) throw new Error('SENDA_MASTER_KEY must be 32 bytes encoded in base64');
    return key;
  }
  const file = path.join(options.dataDir, 'master.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} must hold 32 bytes encoded in base64`);
  return key;
}

function seal(key: Buffer, plaintext: Buffer, aad: string): [Buffer, Buffer, Buffer] {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct];
}

function open(key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer, aad: string): Buffer {
  const decipher = crypto.createDecipheriv(ALGORITHM, key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

export class FieldCipher {
  private readonly deks = new Map<string, Buffer>();
  private activeId: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly masterKey: Buffer,
  ) {}

  /** Load the newest data key, creating one on first start. */
  async init(): Promise<void> {
    const newest = await this.db
      .selectFrom('data_keys')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (newest) {
      this.deks.set(newest.id, this.unwrap(newest.id, newest.wrapped_key));
      this.activeId = newest.id;
      return;
    }
    await this.rotate();
  }

  /** Start sealing new values with a fresh data key; old keys stay for reading. */
  async rotate(): Promise<string> {
    const id = uuidv7();
    const dek = crypto.randomBytes(32);
    const [iv, tag, ct] = seal(this.masterKey, dek, `data_keys:${id}`);
    await this.db
      .insertInto('data_keys')
      .values({ id, wrapped_key: `${b64(iv)}.${b64(tag)}.${b64(ct)}`, created_at: new Date().toISOString() })
      .execute();
    this.deks.set(id, dek);
    this.activeId = id;
    return id;
  }

  encrypt(plaintext: string, aad: string): string {
    const id = this.activeId;
    const dek = id ? this.deks.get(id) : undefined;
    if (!id || !dek) throw new Error('FieldCipher not initialised');
    const [iv, tag, ct] = seal(dek, Buffer.from(plaintext, 'utf8'), aad);
    return `v1.${id}.${b64(iv)}.${b64(tag)}.${b64(ct)}`;
  }

  async decrypt(value: string, aad: string): Promise<string> {
    const [version, id, iv, tag, ct] = value.split('.');
    if (version !== 'v1' || !id || !iv || !tag || ct === undefined)
      throw new Error('Unknown ciphertext format');
    const dek = await this.dekFor(id);
    return open(dek, unb64(iv), unb64(tag), unb64(ct), aad).toString('utf8');
  }

  /** Seal bytes (a document): the data key's id, and iv (12) + tag (16) + ciphertext in one buffer. */
  encryptBytes(plaintext: Buffer, aad: string): { keyId: string; sealed: Buffer } {
    const id = this.activeId;
    const dek = id ? this.deks.get(id) : undefined;
    if (!id || !dek) throw new Error('FieldCipher not initialised');
    const [iv, tag, ct] = seal(dek, plaintext, aad);
    return { keyId: id, sealed: Buffer.concat([iv, tag, ct]) };
  }

  async decryptBytes(keyId: string, sealed: Buffer, aad: string): Promise<Buffer> {
    if (sealed.length < 28) throw new Error('Sealed bytes too short');
    const dek = await this.dekFor(keyId);
    return open(dek, sealed.subarray(0, 12), sealed.subarray(12, 28), sealed.subarray(28), aad);
  }

  private async dekFor(id: string): Promise<Buffer> {
    let dek = this.deks.get(id);
    if (!dek) {
      const row = await this.db.selectFrom('data_keys').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new Error(`Unknown data key ${id}`);
      dek = this.unwrap(row.id, row.wrapped_key);
      this.deks.set(id, dek);
    }
    return dek;
  }

  private unwrap(id: string, wrapped: string): Buffer {
    const [iv, tag, ct] = wrapped.split('.');
    if (!iv || !tag || ct === undefined) throw new Error(`Malformed data key ${id}`);
    try {
      return open(this.masterKey, unb64(iv), unb64(tag), unb64(ct), `data_keys:${id}`);
    } catch {
      throw new Error(`Cannot unwrap data key ${id}: wrong master key?`);
    }
  }
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
