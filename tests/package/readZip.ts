/**
 * Reads the files out of a zip with Node's own zlib, so the package test needs
 * no unzip command and no extra dependency. It reads what WXT's zips hold
 * (stored or deflated entries, no encryption, no zip64) and refuses anything
 * else, and any name that would land outside the folder it is unpacked into.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** The zip's files by their path inside it ("a/b.js"); folder entries are left out. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = findEndOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not read here');

  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new Error(`entry ${index}: not a central directory entry`);
    const flags = zip.readUInt16LE(offset + 8);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    if (name.endsWith('/')) continue;
    checkName(name);
    if (flags & 1) throw new Error(`${name}: encrypted`);
    if (zip.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new Error(`${name}: no local header`);
    const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(start, start + compressedSize);
    let content: Buffer;
    if (method === STORED) content = Buffer.from(raw);
    else if (method === DEFLATED) content = inflateRawSync(raw);
    else throw new Error(`${name}: compression method ${method} is not read here`);
    if (content.length !== size) throw new Error(`${name}: ${content.length} bytes read, ${size} expected`);
    if (files.has(name)) throw new Error(`${name}: twice in the zip`);
    files.set(name, content);
  }
  return files;
}

/** Writes the zip's files under `folder`, keeping their paths. */
export function unpackZip(zip: Buffer, folder: string): void {
  for (const [name, content] of readZip(zip)) {
    const target = join(folder, ...name.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

function findEndOfDirectory(zip: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let offset = zip.length - 22; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_DIRECTORY) return offset;
  }
  throw new Error('not a zip: no end of central directory');
}

function checkName(name: string): void {
  const parts = name.split('/');
  if (name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name) || parts.some((part) => part === '..')) {
    throw new Error(`${name}: a path outside the folder`);
  }
}
