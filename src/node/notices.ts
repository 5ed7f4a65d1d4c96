import type { Message } from '../api/message.js';
import type { Notice } from '../api/status-schemas.js';

/** Things the owner should know once (a damaged settings file, a crash clean-up). */
export class Notices {
  private list: Notice[] = [];
  private counter = 0;

  constructor(private readonly now: () => number) {}

  add(level: Notice['level'], message: Message): Notice {
    this.counter += 1;
    const notice = { id: `n${this.now()}-${this.counter}`, at: this.now(), level, message };
    this.list = [...this.list, notice].slice(-20);
    return notice;
  }

  dismiss(id: string): boolean {
    const before = this.list.length;
    this.list = this.list.filter((n) => n.id !== id);
    return this.list.length !== before;
  }

  all(): Notice[] {
    return this.list;
  }
}
