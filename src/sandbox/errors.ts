import type { Message } from '../api/message.js';

/** A failure the owner (or the node) can be told about in plain words: carries a message key, never English. */
export class SandboxError extends Error {
  constructor(readonly reason: Message) {
    super(reason.key);
    this.name = 'SandboxError';
  }
}
